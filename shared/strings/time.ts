/*
 * Times as the hall reads them, on this machine's clock (the hall's): the desk says "已于 08:12:05
 * 报到", the report sheet "2025年6月18日 09:30".
 */

export function clock(at: string): string {
  return new Date(at).toLocaleTimeString('zh-CN', { hour12: false });
}

export function dateTime(at: string): string {
  const d = new Date(at);
  const hhmm = d.toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' });
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${hhmm}`;
}
