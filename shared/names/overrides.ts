/**
 * Stroke orders, as stroke names in writing order, for characters the cnchar data lacks or gets
 * wrong. Each entry was derived from its components' standard orders, so a reviewer can check it
 * against the 通用规范汉字笔顺规范 by hand; `node scripts/stroke-review.mjs` lists the characters
 * whose classes rest on a turning or hooked stroke, for the review after a cnchar update (see
 * docs/strokes.md). cnchar writes 竖折 as 竖弯 and gives some strokes as alternatives `a|b`.
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
  // The component 犭 alone, as in 狗 狐 独 (撇 弯钩 撇).
  犭: '撇 弯钩 撇',
  // Surnames of the 通用规范汉字表 that cnchar lacks. 谷 (as in 俗 欲) beside 阝 (as in 郁 郑).
  郤: '撇 点 撇 捺 竖 横折 横 横折折折钩|横撇弯钩 竖',
  // 士, 冖, 一 and 木 beside 殳, as in 毂 (车 in place of 木).
  榖: '横 竖 横 点 横撇|横钩 横 横 竖 撇 点 撇 横折折|横折弯 横撇|横钩 捺',
  // 亠, 回 and 旦, as in 檀 擅 颤.
  亶: '点 横 竖 横折 竖 横折 横 横 竖 横折 横 横 横',
  // 毌丘: written like 毋 (竖折 横折钩 撇 横) with a 竖 for the 撇, the long 横 last.
  毌: '竖弯 横折 竖 横',
  // Characters for given names and places of the table's second level that cnchar lacks: each is
  // its components in their standard orders as cnchar writes them elsewhere (王 as in 玩, 氵 江,
  // 土 坏, 忄 情, 礻 祥, 禾 秋, 山 峰, 木 林, 亻 你, 钅 钟, 阝 郁, ⻗ 雪), a left component as it is
  // written on the left (王 氵 土 end in 提, 木 in 点).
  玕: '横 横 竖 提 横 横 竖', // 王 干
  玡: '横 横 竖 提 横 撇折 竖钩 撇', // 王 牙
  玭: '横 横 竖 提 横 竖提 撇 竖弯钩', // 王 比
  玠: '横 横 竖 提 撇 捺 撇 竖', // 王 介
  玦: '横 横 竖 提 横折 横 撇 捺', // 王 夬
  珰: '横 横 竖 提 竖 点 撇 横折 横 横', // 王 当
  琫: '横 横 竖 提 横 横 横 撇 捺 横 横 竖', // 王 奉
  琯: '横 横 竖 提 点 点2 横撇|横钩 竖 横折 横 横折 横', // 王 官
  璈: '横 横 竖 提 横 横 竖 横 横折钩 撇 撇 横 撇 捺', // 王 敖
  湜: '点 点 提 竖 横折 横 横 横 竖 横 撇 捺', // 氵 是
  湲: '点 点 提 撇 点 点 撇 横 横 撇 横撇|横钩 捺', // 氵 爰
  沨: '点 点 提 撇 横斜钩 撇 点', // 氵 风
  滪: '点 点 提 横撇|横钩 点 横撇|横钩 竖钩 横 撇 竖 横折 撇 点', // 氵 预
  愔: '点2 点 竖 点 横 点 撇 横 竖 横折 横 横', // 忄 音
  祾: '点 横撇|横钩 竖 点 横 竖 横 撇 点 撇 横撇|横钩 捺', // 礻 夌
  秾: '撇 横 竖 撇 点 点2 横撇|横钩 撇 竖提 撇 捺', // 禾 农
  峣: '竖 竖弯 竖 横 斜钩|卧钩 撇 横 撇 竖弯钩', // 山 尧
  崚: '竖 竖弯 竖 横 竖 横 撇 点 撇 横撇|横钩 捺', // 山 夌
  栟: '横 竖 撇 点 点 撇 横 横 撇 竖', // 木 并
  楯: '横 竖 撇 点 撇 撇 横 竖 竖 横折 横 横 横', // 木 盾
  俵: '撇 竖 横 横 竖 横 撇 竖提 撇 捺', // 亻 表
  锜: '撇 横 横 横 竖提 横 撇 点 横 竖 横折 横 竖钩', // 钅 奇
  郿: '横折 竖 横 撇 竖 横折 横 横 横 横折折折钩|横撇弯钩 竖', // 眉 阝
  媭: '撇 撇 撇 横 撇 竖 横折 撇 点 撇点 撇 横', // 须 女
  璪: '横 横 竖 提 竖 横折 横 竖 横折 横 竖 横折 横 横 竖 撇 捺', // 王 喿
  瓘: '横 横 竖 提 横 竖 竖 竖 横折 横 竖 横折 横 撇 竖 点 横 横 横 竖 横', // 王 雚
  沚: '点 点 提 竖 横 竖 横', // 氵 止
  雱: '横 点2 横撇|横钩 竖 点 点 点 点 点 横 横折钩 撇', // ⻗ over 方
  嵎: '竖 竖弯 竖 竖 横折 横 横 竖 横折钩 竖 提 点', // 山 禺
  訚: '点 竖 横折钩 点 横 横 横 竖 横折 横', // 门 around 言
  垱: '横 竖 提 竖 点 撇 横折 横 横', // 土 当
  塆: '横 竖 提 点 横 竖 竖 撇 点 横折 横 竖折折钩', // 土 弯

  // Corrections of cnchar's data. Each says what cnchar has and which characters show the standard.
  // 冓 as in 篝 遘 觏 and 再 (竖 before the last two 横); cnchar writes that 竖 after them.
  媾: '撇点 撇 横 横 横 竖 竖 横 竖 横折钩 竖 横 横',
  // 彳, 十 (横 竖), 罒, 一, 心; cnchar makes 十's 竖 a 撇.
  德: '撇 撇 竖 横 竖 竖 横折 竖 竖 横 横 点 卧钩 点 点',
  // 只 as in 识 织 积; cnchar makes 八's 撇 a 点.
  炽: '点 撇 撇 点 竖 横折 横 撇 点',
  // 析 over 白 (13 strokes); cnchar drops 白's first 撇 and counts 12.
  皙: '横 竖 撇 点 撇 撇 横 竖 撇 竖 横折 横 横',
  // 氺 as in 漆 滕 泰 (竖钩 点 提 撇 点); cnchar makes the 撇 a 点.
  膝: '撇 横折钩 横 横 横 竖 撇 点 撇 捺 竖钩 点 提 撇 点',
  // 黍 as in 黎 (氺: 竖钩 点 提 撇 点); cnchar makes the 撇 a 点.
  黏: '撇 横 竖 撇 点 撇 点 竖钩 点 提 撇 点 竖 横 竖 横折 横',
  // 北 (竖 横 提 撇 竖弯钩); cnchar makes the 撇 a 横.
  邶: '竖 横 提 撇 竖提 横撇弯钩 竖',
  // 重 as cnchar has it alone and in 董 懂 踵 (竖 before the last two 横); in 锺 cnchar swaps them.
  锺: '撇 横 横 横 竖提 撇 横 竖 横折 横 横 竖 横 横',
  // 此 as in 柴 紫 些 (匕: 撇 竖提); cnchar makes the 撇 a 横.
  雌: '竖 横 竖 提 撇 竖提 撇 竖 点 横 横 横 竖 横',
  // 鹿 as in 麓 麂 麋 (比's right half: 撇 竖弯钩); cnchar makes the 撇 a 横.
  麒: '点 横 撇 横折 竖 竖 横 横 竖提 撇 竖提 横 竖 竖 横 横 横 撇 点',
  // 鹿 as in 麓 麂 麋; cnchar makes the 撇 a 横.
  麟: '点 横 撇 横折 竖 竖 横 横 竖提 撇 竖提 点 撇 横 竖 撇 捺 撇 横撇 点 横 撇折 竖',
  // 厥 as in 蹶 獗 噘 (屰: 点 撇 横 竖折 竖 撇); cnchar makes the 竖 a 横.
  撅: '横 竖钩 提 横 撇 点 撇 横 竖弯 竖 撇 撇 横撇 撇 捺',
  // 弓 beside 屮 over 又; cnchar writes 屮 竖折 竖 竖 in 出 茁 蚩, but 竖 竖折 竖 here.
  弢: '横折 横 竖折折钩 竖弯 竖 竖 横撇|横钩 捺',
  // 虱 as cnchar has it alone (横斜钩 撇 then 虫); in 鲺 cnchar makes the 撇 a 横.
  鲺: '撇 横撇 竖 横折 横 竖 横 提 横斜钩 撇 竖 横折 横 竖 横 点',
};
