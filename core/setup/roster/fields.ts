import type { Cell } from './types';

const cjk = '\\u3400-\\u9fff\\uf900-\\ufaff';
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}])\\s+(?=[${cjk}])`, 'gu');
const lineBreakBetweenCjk = new RegExp(`(?<=[${cjk}])\\s*[\\r\\n]\\s*(?=[${cjk}])`, 'gu');
const lineBreak = /\s*[\r\n]\s*/g;

/** A field's value, or why it could not be read as it stands. */
export type Read<T> = { value: T; problem?: undefined } | { value: T; problem: string };

/** Longest text each field may hold; longer is almost always a column read as the wrong field. */
export const maxLength = {
  name: 40,
  cardNo: 20,
  ethnicity: 20,
  education: 40,
  category: 40,
  unit: 100,
  remark: 200,
} as const;

/**
 * Any cell as the trimmed text the operator sees (`trim` also removes 全角空格). A line break
 * typed into a cell (Alt+Enter, to wrap a long unit name) is layout, not content.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDate(cell);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell).trim().replace(lineBreakBetweenCjk, '').replace(lineBreak, ' ');
}

export function isoDate(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const nameDots = /[•・‧･．]/g;

/** 张三 padded with a 全角空格 to align in printed lists is the same person as 张三. */
export function readName(cell: Cell): string {
  return cellText(cell).replace(spaceBetweenCjk, '').replace(/\s+/g, ' ').replace(nameDots, '·');
}

const genders: Readonly<Record<string, '男' | '女'>> = {
  男: '男',
  男性: '男',
  m: '男',
  male: '男',
  女: '女',
  女性: '女',
  f: '女',
  female: '女',
};

export function readGender(cell: Cell): Read<'男' | '女' | null> {
  const text = cellText(cell);
  if (text === '') return { value: null };
  const gender = genders[text.toLowerCase()];
  if (gender !== undefined) return { value: gender };
  return { value: null, problem: `无法识别性别“${text}”（应为 男 或 女），未导入性别` };
}

const voteYes = new Set(['是', '有', 'y', 'yes', '1', '√', '✓', '有选举权', 'true']);
const voteNo = new Set(['否', '无', 'n', 'no', '0', '×', '无选举权', 'false']);

/** An empty cell means the delegate votes: rosters mark only the exceptions. */
export function readVote(cell: Cell): Read<boolean> {
  const text = cellText(cell).toLowerCase();
  if (text === '' || voteYes.has(text)) return { value: true };
  if (voteNo.has(text)) return { value: false };
  return {
    value: false,
    problem: `无法识别选举权“${cellText(cell)}”（应为 是/否、有/无、Y/N 或 1/0）`,
  };
}

/** Full-width letters and digits, as a Chinese input method types them, become ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * The card number is printed as a Code 128 barcode and typed back by the scanner, so it is
 * limited to printable ASCII. Excel shows long numbers as 2.02501E+11 and saves them so in CSV:
 * the digits are lost and must be fixed in the spreadsheet.
 */
export function readCardNo(cell: Cell): Read<string> {
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
    return {
      value: '',
      problem: `代表证号 ${String(cell)} 超出 Excel 数字精度，请将该列设为文本后重新填写`,
    };
  }
  const text = halfWidth(cellText(cell));
  if (/^\d+(\.\d+)?e\+\d+$/i.test(text)) {
    return {
      value: '',
      problem: `代表证号“${text}”是科学计数法，Excel 已丢失号码的后几位：请将该列设为文本格式后重新填写`,
    };
  }
  if (!/^[\x20-\x7e]*$/.test(text)) {
    return {
      value: '',
      problem: `代表证号“${text}”含有字母、数字和常用符号以外的字符，无法打印成条码`,
    };
  }
  return { value: text };
}

const ethnicGroups = new Set(
  (
    '汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 ' +
    '景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 ' +
    '德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺'
  )
    .split(' ')
    .map((name) => `${name}族`),
);

/** 「汉」 is written for 汉族 as often as not; the structure report needs one spelling. */
export function readEthnicity(cell: Cell): Read<string> {
  const text = cellText(cell);
  if (text === '' || ethnicGroups.has(text)) return { value: text };
  if (ethnicGroups.has(`${text}族`)) return { value: `${text}族` };
  return { value: text, problem: `民族“${text}”不是 56 个民族的名称之一，请核实` };
}
