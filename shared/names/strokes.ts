import cnchar from 'cnchar';
import order from 'cnchar-order';
import { STROKE_OVERRIDES } from './overrides';

cnchar.use(order);

/** The five stroke classes of 姓氏笔画 order: 横 1, 竖 2, 撇 3, 点 4, 折 5. */
export type StrokeClass = 1 | 2 | 3 | 4 | 5;

const FOLDS = [
  '横折',
  '横撇',
  '横钩',
  '横折钩',
  '横折提',
  '横折弯',
  '横折折',
  '横斜钩',
  '横折折撇',
  '横折折折',
  '横撇弯钩',
  '横折折折钩',
  '竖提',
  '竖弯',
  '竖折折',
  '竖折撇',
  '竖弯钩',
  '竖折折钩',
  '撇折',
  '撇点',
  '弯钩',
  '斜钩',
  '卧钩',
];

/**
 * Every stroke name cnchar-order uses, in the five classes of the 通用规范汉字笔顺规范: 提 is a 横,
 * 竖钩 a 竖 and 捺 a 点; cnchar's 点2 is the left-falling dot (as in 火, 宀). Every other turning
 * or hooked stroke is a 折.
 */
const CLASS_OF_NAME: ReadonlyMap<string, StrokeClass> = new Map<string, StrokeClass>([
  ['横', 1],
  ['提', 1],
  ['竖', 2],
  ['竖钩', 2],
  ['撇', 3],
  ['点', 4],
  ['点2', 4],
  ['捺', 4],
  ...FOLDS.map((name): [string, StrokeClass] => [name, 5]),
]);

/** Class of a stroke name; alternatives written `a|b` take the first (they share a class). */
export function classOfStroke(name: string): StrokeClass | undefined {
  return CLASS_OF_NAME.get(name.split('|')[0] ?? name);
}

const cache = new Map<string, string | null>();

/**
 * The stroke classes of one character in writing order as a string of digits 1–5 (its length is
 * the stroke count), or null when neither cnchar nor the override table knows the character.
 */
export function strokeClasses(ch: string): string | null {
  let classes = cache.get(ch);
  if (classes === undefined) {
    classes = lookUp(ch);
    cache.set(ch, classes);
  }
  return classes;
}

function lookUp(ch: string): string | null {
  const override = STROKE_OVERRIDES[ch];
  if (override !== undefined) return classify(override.split(' '));
  // cnchar walks UTF-16 units, so it cannot answer for characters outside the BMP.
  if (ch.length !== 1) return null;
  const names = strokeNames(ch);
  return names === null ? null : classify(names);
}

function strokeNames(ch: string): string[] | null {
  const result = cnchar.stroke(ch, 'order', 'name');
  if (!Array.isArray(result)) return null;
  const names: unknown[] = Array.isArray(result[0]) ? result[0] : [];
  const strings = names.filter((name): name is string => typeof name === 'string');
  return strings.length > 0 && strings.length === names.length ? strings : null;
}

function classify(names: readonly string[]): string | null {
  let classes = '';
  for (const name of names) {
    const strokeClass = classOfStroke(name);
    if (strokeClass === undefined) return null;
    classes += String(strokeClass);
  }
  return classes;
}
