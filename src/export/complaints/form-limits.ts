// The free-text boxes each channel's form has, and how many characters they take (code points).
// Where a limit was found in the channel's own documentation the source is named; where none could
// be confirmed the draft stays under the strictest limit seen for such a box — 200 characters, the
// after-sales description box of a shop's 申请售后 form — and docs/complaint-drafts.md says so.

/** The strictest limit seen for a complaint / after-sales description box. */
const STRICTEST_SEEN = 200;

export const FORM_LIMITS = {
  /**
   * The first message to shop support. It goes into the shop's chat (QQ, WeChat, a web chat), not a
   * form box; no limit was found for those, so it is kept to about one screen of chat.
   */
  shopSupport: 1000,
  /** 支付宝 账单 → 对此订单有疑问 → 投诉 / 申请售后, problem description: unconfirmed. */
  alipayDescription: STRICTEST_SEEN,
  /**
   * 微信支付 账单 → 对订单有疑惑 → 投诉, problem description: WeChat Pay hands the shopper's text
   * to the merchant as `complaint_detail`, string[1, 300] (消费者投诉2.0 查询投诉单详情 API,
   * pay.weixin.qq.com/wiki/doc/apiv3/apis/chapter10_2_13.shtml).
   */
  wechatDescription: 300,
  /** 全国12315平台 投诉请求: unconfirmed; kept to 100. */
  gov12315Request: 100,
  /** 全国12315平台 争议事实 / 问题描述: unconfirmed. */
  gov12315Facts: STRICTEST_SEEN,
} as const;
