const marking =
  '对候选人表示赞成的，在其姓名上方的符号栏内画“○”；表示不赞成的，画“×”；表示弃权的，不画任何符号。';
const writeIn =
  '如另选他人，先在不赞成的候选人姓名上方的符号栏内画“×”，再在“另选人”栏的空格内写上另选人的姓名，并在其上方的符号栏内画“○”。';
const validity =
  '所选人数（画“○”的候选人和另选人合计）等于或少于应选人数的为有效票，多于应选人数的为无效票。';
const clarity = '符号要准确，字迹要清楚。符号模糊不清、无法辨认的，该栏按弃权处理。';
const pen = '请用黑色或蓝色笔填写，不得在选票上作其他任何标记。';

/**
 * The ballot's instructions when the congress has not written its own (选举办法). Without
 * write-in blanks on the ballot, the paragraph on writing in a name is left out.
 */
export function defaultBallotInstructions(writeInBlanks: number, preliminary = false): string {
  // A 预选 counts against the number of formal candidates it produces, not the seats.
  const valid = preliminary ? validity.replaceAll('应选人数', '拟产生的正式候选人数') : validity;
  const items =
    writeInBlanks > 0 ? [marking, writeIn, valid, clarity, pen] : [marking, valid, clarity, pen];
  return items.map((text, i) => `${i + 1}. ${text}`).join('\n');
}

/** The congress's own text if it has one, else the default; one paragraph per line. */
export function ballotInstructions(
  custom: string,
  writeInBlanks: number,
  preliminary = false,
): string[] {
  const text =
    custom.trim() === '' ? defaultBallotInstructions(writeInBlanks, preliminary) : custom;
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
