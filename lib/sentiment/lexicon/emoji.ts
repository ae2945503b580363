import type { WeightTable } from './table';

/**
 * Emoji and the bracket emoticons of WeChat, Weibo and Douyin ([微笑], [赞]). Written for this project.
 * 🙂 and [微笑] read as a cold, sarcastic smile in Chinese comment sections, so they lean negative;
 * 😂 is left neutral because it is used both for laughing with and laughing at.
 */
export const EMOJI: WeightTable = {
	'3': '😍 🥰 😘 🤩 💯 ❤ 💕 💖 💗 💓 💞 💝 🥳 🎉 👏 🙌 [赞] [强] [心] [爱心] [给力] [鼓掌] [色] [good] [玫瑰] [666]',
	'2': '👍 🔥 😊 😃 😄 😁 😀 ☺ 🤗 ✨ 🌟 ⭐ 💪 👌 🆗 🎊 😋 😎 [呲牙] [哈哈] [嘻嘻] [可爱] [愉快] [憨笑] [耶] [ok] [OK] [加油] [点赞] [哇] [偷笑]',
	'1': '😆 😉 🙏 [害羞] [抱拳] [握手]',
	'-1': '🙂 😅 😶 😐 😑 🤔 😒 😬 🥲 😭 😢 😿 🤷 [微笑] [允悲] [汗] [尴尬] [捂脸] [疑问] [费解] [衰] [泪] [流泪] [可怜] [委屈] [无语] [闭嘴]',
	'-2': '🙄 💀 ☠ 😞 😔 😟 😕 🙁 ☹ 😩 😫 😤 😓 😰 😨 🤡 👎 💔 🥱 😪 [白眼] [弱] [吐] [鄙视] [哼] [抓狂] [难过] [失望] [生病] [晕] [怒骂] [撇嘴] [黑线] [裂开] [炸弹]',
	'-3': '😡 😠 🤬 🤮 🤢 💩 🖕 😾 [怒] [发怒] [愤怒] [吐血] [便便] [鄙视你]',
};
