import type { WeightTable } from './table';

/**
 * Internet slang of Chinese and English comment sections, written for this project.
 * Pinyin initialisms (yyds, xswl) and English slang are matched as whole words only.
 * Weights follow the AFINN scale; entries here override AFINN (e.g. "fire" is praise in comments).
 */
export const SLANG: WeightTable = {
	'4': 'yyds 绝绝子 永远的神 封神 神仙 天花板 顶流 吹爆 爱了爱了 狠狠爱了 awsl goated 太香了 真香 无限回购 闭眼入 闭眼买 宝藏 宝藏店铺 入股不亏',
	'3': '种草 被种草 安利 冲冲冲 冲鸭 上头 好绝 绝了 牛哇 牛啊 牛逼 nb 牛批 666 6666 赞赞赞 码住 好耶 真不戳 不戳 绝美 氛围感 高级感 质感 出片 回血 稳了 妥妥的 稳稳的 杠杠的 嘎嘎好 杀疯了 slaps bussin lit 10/10 wholesome chefs_kiss',
	'2': 'fire 可以可以 有被惊艳到 爱了 好家伙 yyds的 xswl 哈哈 哈哈哈 哈哈哈哈 嘻嘻 嘿嘿 nice ok okk 赞一个 给个赞 点个赞 支持一下 pog vibes vibe fresh clean solid legit',
	'-1': '无感 emmm emm 呃 一言难尽 不太行 有点拉 有点拉胯 mid-ish meh sus ngl 鸡肋 智商不够 凑数',
	'-2': '拉胯 拉垮 踩雷 踩坑 避雷 避坑 拔草 劝退 下头 离谱 无语 无语了 无语子 破防 破防了 emo 心态崩了 裂开 我裂开了 栓q 蚌埠住了 绷不住 寄了 g了 凉了 翻车 翻车了 塌房 塌房了 智商税 交智商税 割韭菜 韭菜 被割韭菜 收智商税 套路 套路满满 坑货 大冤种 冤种 小丑 我是小丑 呵呵呵 辣鸡 垃圾桶 gg mid ratio cringe yikes ugh smh trash garbage ripoff rip-off overpriced scammy sketchy dogwater washed flop flopped ick',
	'-3': '避雷避雷 大型翻车 翻车现场 塌房了塌房了 割韭菜的 吃相难看 恶臭 恶心人 膈应 糊弄 忽悠人 骗局 收割 杀熟 大数据杀熟 刺客 雪糕刺客 tmd md 卧槽 我靠 尼玛 wtf wth ffs fml trash-tier scam scammed scammers junk worst_ever',
	'-4': 'sb cnm nmsl mlgb 垃圾玩意 狗东西 什么玩意 什么东西',
};

/** Case-sensitive one-letter slang, matched only as a standalone capital ("huge W", "take the L"). */
export const CASED_SLANG: ReadonlyArray<[string, number]> = [
	['W', 2],
	['L', -2],
	['GOAT', 4],
];
