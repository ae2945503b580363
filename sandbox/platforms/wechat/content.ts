/**
 * Text the seeded data is drawn from: article titles and comments for the two sandbox accounts
 * (a coffee brand and a tech company), mostly Chinese with some English and mixed ones, some with
 * emoji, and a share of complaints using the words operations teams watch for (退款, 投诉, 过期, 质量问题).
 */

export type AccountTheme = 'coffee' | 'tech';

export interface ContentPools {
	headlines: readonly string[];
	secondary: readonly string[];
	positive: readonly string[];
	neutral: readonly string[];
	negative: readonly string[];
	/** Replies to praise, to questions, and to complaints. */
	thanksReplies: readonly string[];
	answerReplies: readonly string[];
	apologyReplies: readonly string[];
}

const COFFEE: ContentPools = {
	headlines: [
		'春日限定｜樱花拿铁回归，第二杯半价',
		'新品上市：云南小粒咖啡冷萃，清爽一整个夏天',
		'星河咖啡会员日｜全场饮品 8 折，积分翻倍',
		'门店上新｜杭州西湖店今日开业，前 100 位送马克杯',
		'秋冬新品：桂花燕麦拿铁，一口就是秋天的味道',
		'咖啡师大赛冠军教你在家做一杯好拿铁',
		'星河咖啡 × 故宫文创联名杯套限量发售',
		'双十一预售开启｜挂耳咖啡礼盒低至 5 折',
		'圣诞季限定：姜饼拿铁与热红酒风味冷萃',
		'新年第一杯｜星河咖啡福袋开抢',
		'门店上新｜成都太古里店开业，川味咖啡特调首发',
		'夏日冰饮节：生椰系列全线回归',
		'致每一位早起的打工人：早餐咖啡套餐 12 元起',
		'中秋礼盒｜咖啡月饼礼盒预订开启',
	],
	secondary: [
		'手冲入门：一杯好咖啡从研磨开始',
		'咖啡豆怎么保存？这 5 个误区你中了几个',
		'浅烘还是深烘？一张图看懂烘焙度',
		'探访云南保山咖啡庄园：从一颗咖啡果说起',
		'拉花教程｜三步学会爱心拉花',
		'咖啡因与睡眠：每天喝几杯才合适',
		'门店故事：凌晨五点的烘焙师',
		'环保行动｜自带杯立减 3 元，一起减塑',
		'会员权益升级说明',
		'关于部分门店营业时间调整的通知',
		'挂耳、冷萃、胶囊，哪种更适合你',
		'本周咖啡师推荐：埃塞俄比亚耶加雪菲',
	],
	positive: [
		'樱花拿铁太好喝了，每年春天都在等！',
		'已经连续打卡一周了☕️',
		'杭州西湖店环境超棒，适合办公',
		'冷萃真的绝，清爽不酸',
		'会员日冲冲冲🎉',
		'咖啡师小姐姐拉花好美，点赞👍',
		'桂花燕麦拿铁是我今年喝过最好喝的秋季新品',
		'支持自带杯活动，环保从我做起🌱',
		'Love the oat latte, best in town!',
		'Great coffee and friendly staff, will come back.',
		'新店开业必须支持一下！',
		'这个月饼礼盒好有创意，已经下单送客户了',
		'挂耳礼盒性价比很高，囤了两盒',
		'The cold brew is amazing 😍',
	],
	neutral: [
		'请问成都店几点开门？',
		'会员积分在哪里查？',
		'可以换成燕麦奶吗？',
		'第二杯半价可以和会员折扣一起用吗',
		'Is there a decaf option?',
		'外卖平台也有活动吗',
		'小程序点单一直转圈，是我网络问题吗',
		'请问挂耳咖啡保质期多久',
		'求出低糖版本',
		'Do you ship to Hong Kong?',
		'有没有无咖啡因的选择？',
	],
	negative: [
		'买的挂耳礼盒收到已经过期了，要求退款！',
		'昨天在门店买的拿铁喝出异物，质量问题太严重了，已经投诉',
		'申请退款一周了还没处理，客服电话一直打不通',
		'优惠券显示已过期但明明还在有效期内，坑人',
		'外卖送到全洒了，联系客服没人理，差评',
		'Ordered online, never received it. Refund please!',
		'咖啡豆质量问题，开袋一股霉味，要求退货退款',
		'价格涨了服务却变差了，失望😞',
		'排队半小时，店员态度很差，已投诉到12315',
		'会员卡余额莫名其妙少了，给个说法',
		'This is a scam, my voucher expired after one day 😡',
	],
	thanksReplies: ['谢谢喜欢，我们会继续努力～', '感谢支持，期待您再次光临☕', 'Thank you for your support!'],
	answerReplies: [
		'您好，门店营业时间为 7:30-22:00',
		'可以的，会员折扣与第二杯半价可叠加使用哦',
		'收到建议，已经反馈给产品团队啦',
		'详情可以在小程序「我的-会员」里查看哦',
	],
	apologyReplies: [
		'非常抱歉给您带来不好的体验，客服已私信您处理退款',
		'抱歉！请把订单号发到后台，我们马上核实处理',
		'已转交门店负责人跟进，24 小时内联系您',
		'Sorry for the trouble, our service team will contact you today.',
	],
};

const TECH: ContentPools = {
	headlines: [
		'云帆 AI 助手 2.0 正式发布：更快、更准、更懂业务',
		'云帆科技完成 C 轮融资，加速大模型落地',
		'重磅｜云帆数据中台通过等保三级认证',
		'发布会回顾：云帆智能客服全新升级',
		'2024 云帆开发者大会议程公布，报名开启',
		'云帆科技入选「年度最具创新力企业」',
		'产品更新｜云帆 BI 支持自然语言查数',
		'云帆私有化部署方案正式上线',
		'年度报告：中国企业数字化转型趋势',
		'云帆开放平台 API 全面升级说明',
		'新品｜云帆低代码平台公测开启',
	],
	secondary: [
		'技术干货｜Kubernetes 成本优化的 5 个实践',
		'一文读懂 RAG：检索增强生成的原理与落地',
		'客户案例：某连锁零售的数字化转型之路',
		'招聘｜后端工程师（Go）、算法工程师热招中',
		'架构演进：我们如何把接口延迟降低 60%',
		'数据安全合规指南（2024 版）',
		'工程师访谈：从实习生到技术负责人',
		'直播预告｜大模型在企业知识库中的应用',
		'服务公告：3 月 15 日凌晨系统维护通知',
		'Postgres 性能调优实战笔记',
		'Open Source｜云帆开源日志采集组件 Sail',
		'产品小课堂：如何配置权限与审批流',
	],
	positive: [
		'新版 AI 助手响应速度快了好多👍',
		'干货满满，已转发给团队',
		'RAG 这篇讲得很清楚，收藏了',
		'Great article, very practical.',
		'恭喜融资！期待更多开源项目🎉',
		'我们公司也在用云帆 BI，自然语言查数太方便了',
		'Sail 已经 star 了，代码写得很干净',
		'直播什么时候有回放？讲得太好了',
		'K8s 成本优化那部分直接照着做，省了 30%',
		'Nice work on the latency improvements 🚀',
		'期待开发者大会！',
	],
	neutral: [
		'私有化部署支持国产芯片吗？',
		'API 升级后老版本还能用多久？',
		'请问有学生优惠吗',
		'Is there an English version of the docs?',
		'低代码平台公测怎么申请',
		'招聘可以远程吗？',
		'直播回放在哪里看',
		'SDK 有 Python 版本吗',
		'Does it support SSO with Azure AD?',
		'维护期间接口会完全不可用吗',
	],
	negative: [
		'升级后接口一直报 500，生产环境受影响，已投诉',
		'续费后账号还是显示过期，工单三天没人回复',
		'年费买了功能用不了，要求退款',
		'数据导出有质量问题，字段全错位了',
		'客服只会复制粘贴，问题一直没解决😤',
		'The new release broke our integration. Very disappointed.',
		'发票开错了三次，投诉无门',
		'说好的 SLA 99.9%，这个月宕机两次',
		'Refund request ignored for two weeks, terrible support 👎',
		'授权码刚买就提示过期，什么情况？',
	],
	thanksReplies: ['谢谢认可，我们会持续输出干货', '感谢支持！回放已上传到视频号', 'Thanks for reading!'],
	answerReplies: [
		'支持的，详情可以联系我们的解决方案团队',
		'老版本 API 将维护到年底，请尽快迁移',
		'English docs are available at our developer site.',
		'可以的，部分岗位支持远程',
	],
	apologyReplies: [
		'非常抱歉，技术团队已在排查，稍后私信您进展',
		'抱歉给您带来困扰，已安排专人跟进退款事宜',
		'请把工单号发到后台，我们优先处理',
		'Sorry about this, our engineers are on it and will follow up today.',
	],
};

export function contentPools(theme: AccountTheme): ContentPools {
	return theme === 'coffee' ? COFFEE : TECH;
}
