/** A stored time as the hall reads it: 2025年6月18日 10:32 (this machine's clock). */
export function timeWords(at: string): string {
  const d = new Date(at);
  const hhmm = d.toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' });
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hhmm}`;
}
