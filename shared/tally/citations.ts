// The sources as RULES.md names them, with an article only where RULES.md gives one.
export const GRASSROOTS = '《中国共产党基层组织选举工作条例》';
export const GRASSROOTS_SLATE = '《中国共产党基层组织选举工作条例》第九条、第十三条';
export const GRASSROOTS_ORDER = '《中国共产党基层组织选举工作条例》第二十四条';
export const GRASSROOTS_1990 = '《中国共产党基层组织选举工作暂行条例》';
export const GRASSROOTS_1990_BALLOTS = '《中国共产党基层组织选举工作暂行条例》第二十条';
export const GRASSROOTS_1990_THRESHOLD = '《中国共产党基层组织选举工作暂行条例》第二十二条';
export const LOCAL = '《中国共产党地方组织选举工作条例》';
export const LOCAL_PLENARY = '《中国共产党地方组织选举工作条例》第二十四条';
export const LOCAL_ORDER = '《中国共产党地方组织选举工作条例》第三十条';
export const VILLAGE_LAW = '《村民委员会组织法》';
export const VILLAGE = '《村民委员会组织法》第十五条';
export const ELECTORAL_LAW = '《全国人民代表大会和地方各级人民代表大会选举法》';
export const ELECTORAL_LAW_SLATE = `${ELECTORAL_LAW}第三十一条`;
export const ELECTORAL_LAW_PRELIMINARY = `${ELECTORAL_LAW}第三十二条`;
export const ELECTORAL_LAW_ELECTION = `${ELECTORAL_LAW}第四十五条`;
export const ELECTORAL_LAW_SUPPLEMENTARY = `${ELECTORAL_LAW}第四十五条、第三十一条`;
