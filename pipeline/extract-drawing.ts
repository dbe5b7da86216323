/**
 * What a page draws besides its text, read from pdf.js's operator list: small pictures (label
 * pictures of right-to-left pages) and rules (table borders). Pure over the operator list, in the
 * runs' top-left page space: extract.ts hands the list and the page's view over once.
 */
import type { Picture, Rule } from './model.js';

type Matrix = [number, number, number, number, number, number];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

/** The operator list as pdf.js gives it, and the operator codes it uses. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: unknown[];
}

export interface PageView {
  left: number;
  top: number;
  /** A picture up to this tall is collected; pictures are not collected at all when absent. */
  maxPictureHeight?: number;
}

/** A filled rectangle at most this thick (points) is a rule, not a shaded area. */
const MAX_RULE_THICKNESS = 2.5;
/** A rule shorter than this (points) is a dot, a corner piece or a glyph part. */
const MIN_RULE_LENGTH = 3;
/** A stroked segment whose ends differ by less than this across its direction is straight. */
const STRAIGHT_TOLERANCE = 0.5;

/** pdf.js path codes (DrawOPS) inside a constructPath's path data, with their coordinate counts. */
const PATH_MOVE = 0;
const PATH_CLOSE = 4;
const PATH_COORDINATES: Record<number, number> = { 0: 2, 1: 2, 2: 6, 3: 4, 4: 0 };

interface Drawing {
  pictures: Picture[];
  rules: Rule[];
}

/** Walks the operator list once, keeping the transformation matrix, and collects pictures and rules. */
export function drawingOf(operators: OperatorList, OPS: Record<string, number>, view: PageView): Drawing {
  const drawing: Drawing = { pictures: [], rules: [] };
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const images = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) saved.push(ctm);
    else if (fn === OPS.restore) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      saved.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const [paint, data] = args as [number, unknown[] | undefined];
      const path = data?.[0];
      if (!path || typeof (path as ArrayLike<number>).length !== 'number') continue;
      const points = pathPoints(path as ArrayLike<number>, ctm, view);
      if (fills.has(paint)) drawing.rules.push(...thinBoxes(points));
      if (strokes.has(paint)) drawing.rules.push(...straightSegments(points));
    } else if (view.maxPictureHeight !== undefined && images.has(fn)) placePicture(ctm, view, drawing.pictures);
    else if (view.maxPictureHeight !== undefined && fn === OPS.paintImageXObjectRepeat) {
      // [objId, scaleX, scaleY, positions]: the same picture at several places.
      const [, scaleX, scaleY, positions] = args as [unknown, number, number, number[]];
      for (let p = 0; p + 1 < positions.length; p += 2) {
        placePicture(multiply(ctm, [scaleX, 0, 0, scaleY, positions[p]!, positions[p + 1]!]), view, drawing.pictures);
      }
    }
  }
  return drawing;
}

/** A picture is drawn as the unit square under the current transformation. */
function placePicture(m: Matrix, view: PageView, pictures: Picture[]): void {
  const xs = [m[4], m[4] + m[0], m[4] + m[2], m[4] + m[0] + m[2]];
  const ys = [m[5], m[5] + m[1], m[5] + m[3], m[5] + m[1] + m[3]];
  const box = {
    x: round(Math.min(...xs) - view.left),
    y: round(view.top - Math.max(...ys)),
    width: round(Math.max(...xs) - Math.min(...xs)),
    height: round(Math.max(...ys) - Math.min(...ys)),
  };
  if (box.height > 0 && box.height <= view.maxPictureHeight!) pictures.push(box);
}

/** A path point in page space, and whether it starts a new subpath. */
interface PathPoint {
  x: number;
  y: number;
  move: boolean;
}

function pathPoints(path: ArrayLike<number>, ctm: Matrix, view: PageView): PathPoint[] {
  const points: PathPoint[] = [];
  let start: PathPoint | undefined;
  for (let i = 0; i < path.length;) {
    const code = path[i]!;
    const count = PATH_COORDINATES[code];
    if (count === undefined) break;
    if (code === PATH_CLOSE) {
      if (start) points.push({ ...start, move: false });
    } else {
      // A curve contributes its end point: rules are straight, and a curve's end keeps the subpath's extent.
      const x = path[i + count - 1]!;
      const y = path[i + count]!;
      const point = {
        x: ctm[0] * x + ctm[2] * y + ctm[4] - view.left,
        y: view.top - (ctm[1] * x + ctm[3] * y + ctm[5]),
        move: code === PATH_MOVE,
      };
      if (code === PATH_MOVE) start = point;
      points.push(point);
    }
    i += count + 1;
  }
  return points;
}

/** Each filled subpath thin enough to be a rule. */
function thinBoxes(points: PathPoint[]): Rule[] {
  const rules: Rule[] = [];
  let box: Rule | undefined;
  const flush = () => {
    if (box && isRule(box)) rules.push(rounded(box));
  };
  for (const point of points) {
    if (point.move || !box) {
      flush();
      box = { x0: point.x, y0: point.y, x1: point.x, y1: point.y };
    } else {
      box = { x0: Math.min(box.x0, point.x), y0: Math.min(box.y0, point.y), x1: Math.max(box.x1, point.x), y1: Math.max(box.y1, point.y) };
    }
  }
  flush();
  return rules;
}

function isRule(box: Rule): boolean {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  return Math.min(width, height) <= MAX_RULE_THICKNESS && Math.max(width, height) >= MIN_RULE_LENGTH;
}

/** Each stroked segment that runs straight across or down the page. */
function straightSegments(points: PathPoint[]): Rule[] {
  const rules: Rule[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (b.move) continue;
    const straight = Math.abs(a.y - b.y) < STRAIGHT_TOLERANCE || Math.abs(a.x - b.x) < STRAIGHT_TOLERANCE;
    const box = { x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) };
    if (straight && isRule(box)) rules.push(rounded(box));
  }
  return rules;
}

function rounded(box: Rule): Rule {
  return { x0: round(box.x0), y0: round(box.y0), x1: round(box.x1), y1: round(box.y1) };
}

/** Two decimals are far below a glyph's size and keep the output byte-stable across platforms. */
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
