import type { RiskCategory } from '../model';

/**
 * Cue phrases per risk category, Chinese and English, written for this project. `_` joins the words
 * of an English phrase; English cues match whole words only. Traditional Chinese is matched after
 * t→s conversion, so only simplified forms are listed.
 */
export const RISK_CUES: Readonly<Record<Exclude<RiskCategory, 'sensitive_term'>, string>> = {
	complaint:
		'投诉 差评 客诉 态度差 态度恶劣 服务差 没人管 没人理 不理人 不回复 踢皮球 推卸责任 敷衍 欺骗消费者 坑人 要个说法 给个说法 讨个说法 太过分 太坑 售后差 售后不管 ' +
		'complaint complain complained complaining worst_service terrible_service customer_service_sucks no_response nobody_responds ignored_my unacceptable fed_up',
	refund_dispute:
		'退款 退钱 退货 不给退 拒绝退款 拒不退款 退款失败 仅退款 赔偿 拒赔 索赔 假一赔十 三倍赔偿 退一赔三 扣款 乱扣费 多扣 重复扣费 自动续费 拒付 ' +
		'refund refunds refunded money_back chargeback charged_twice double_charged overcharged dispute_the_charge cancel_my_subscription auto-renew',
	safety_quality:
		'过敏 烂脸 红肿 中毒 食物中毒 拉肚子 腹泻 呕吐 发霉 变质 异物 头发丝 虫子 蟑螂 过期 致癌 甲醛 超标 重金属 爆炸 起火 自燃 漏电 触电 受伤 烫伤 住院 送医 有毒 召回 安全隐患 质量问题 假冒 三无产品 ' +
		'allergic_reaction rash food_poisoning poisoning mold mould expired contaminated recall exploded explosion caught_fire burst_into_flames electric_shock injured injury hospital hospitalized toxic choking_hazard unsafe counterfeit',
	legal_threat:
		'起诉 告你们 告到底 律师 律师函 法院 诉讼 打官司 维权 报警 立案 仲裁 消法 消费者权益保护法 法律责任 法律途径 ' +
		'sue suing lawsuit lawyer attorney legal_action court class_action small_claims solicitor',
	media_exposure:
		'315晚会 3·15 打315 找315 上315 12315 12345 黑猫投诉 消协 消费者协会 市场监管局 市场监督管理局 工商局 找媒体 媒体曝光 曝光给媒体 记者 曝光 上热搜 热搜 发微博 发抖音 发小红书 挂出来 报道 央视 电视台 网信办 ' +
		'journalist journalists reporter the_press news_outlet going_viral go_viral bbb better_business_bureau ftc fda regulator consumer_protection ombudsman trading_standards',
	rumor:
		'谣言 造谣 传谣 听说 据说 网传 传言 爆料 内幕 真的假的 要倒闭 倒闭了 跑路 暴雷 爆雷 不实信息 小道消息 ' +
		'rumor rumour rumors heard_that allegedly is_it_true going_bankrupt going_under leaked_memo hoax fake_news',
	boycott:
		'抵制 拉黑 卸载 取关 再也不买 再也不会买 永不购买 不买了 脱粉 粉转黑 销户 注销账号 全网抵制 ' +
		'boycott boycotting unfollow unfollowed never_buying_again uninstall uninstalled deleted_the_app cancel_my_account',
	privacy_leak:
		'泄露 泄漏 信息泄露 个人信息 隐私 骚扰电话 诈骗电话 被盗号 盗号 身份证号 手机号被 大数据杀熟 被人肉 人肉搜索 ' +
		'data_breach leaked_my privacy personal_data personal_information my_address spam_calls hacked doxxed doxxing identity_theft',
	discrimination:
		'歧视 地域黑 性别歧视 区别对待 看不起人 种族 辱女 辱华 侮辱 双标 ' +
		'racist racism sexist sexism discrimination discriminated discriminatory homophobic transphobic misogynist',
};
