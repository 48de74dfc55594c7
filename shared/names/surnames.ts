/** 复姓: two-character surnames. A name starting with one of these has a two-character surname. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(
  [
    '欧阳 司马 诸葛 上官 东方 皇甫 令狐 司徒 夏侯 慕容 尉迟 长孙',
    '宇文 公孙 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 轩辕 端木',
    '西门 南宫 万俟 闻人 呼延 第五 独孤 赫连 拓跋 钟离 鲜于 司空',
    '百里 东郭 南门 羊舌 微生 左丘 梁丘 谷梁 公羊 公良 公西 乐正',
    '仲孙 叔孙 颛孙 巫马 漆雕 壤驷 段干 夹谷 宰父 闾丘 亓官 司寇',
    '子车 东门 锺离 仉督',
  ]
    .join(' ')
    .split(' '),
);

/** Splits a name's characters into surname and given name. */
export function splitName(chars: readonly string[]): { surname: string[]; given: string[] } {
  const compound = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''));
  const surnameLength = compound ? 2 : 1;
  return { surname: chars.slice(0, surnameLength), given: chars.slice(surnameLength) };
}
