/** Shown to a browser that reaches the host without the key of this run. */
export const forbiddenPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>大会选举计票</title></head>
<body style="font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; margin: 4rem;">
<h1>无法打开：缺少本次运行的访问口令</h1>
<p>请使用 <code>congress-tally serve</code> 启动时打印的完整地址（包含 <code>?key=</code> 部分）打开本页。</p>
</body></html>
`;
