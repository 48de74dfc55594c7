/**
 * Stroke orders for characters the cnchar data lacks, as stroke names in writing order. Each entry
 * was derived from its components' standard orders (the component orders are cnchar's own), so a
 * reviewer can check it against the 通用规范汉字笔顺规范 by hand.
 */
export const STROKE_OVERRIDES: Readonly<Record<string, string>> = {
  // 土 over 口, the 吉 of the surname 𠮷 (U+20BB7).
  '𠮷': '横 竖 横 竖 横折 横',
  // 龙 over 天, as in 刘䶮.
  䶮: '横 撇 竖弯钩 撇 点 横 横 撇 捺',
  // 王 (as a left component) beside 争.
  琤: '横 横 竖 提 撇 横撇 横折 横 横 竖钩',
  // 品 over 山.
  喦: '竖 横折 横 竖 横折 横 竖 横折 横 竖 竖弯 竖',
  // 讠 beside 乇.
  讬: '点 横折提 撇 横 竖弯钩',
  // 扌 beside 妥.
  挼: '横 竖钩 提 撇 点 点 撇 撇点 撇 横',
  // 炎 beside 欠.
  欻: '点 撇 撇 点 点 撇 撇 点 撇 横撇 撇 捺',
};
