// Character limits the drafts are cut to. These are conservative working figures, NOT read from the
// live forms (this project has no network access to check them): each is at or below what the form
// was seen to accept, so a draft always pastes whole. Change them here if a form says otherwise.
// Lengths are counted in characters (code points), as the forms count them.

export const FORM_LIMITS = {
  /** A first chat message to shop support (QQ / the shop's ticket box): long messages get skipped. */
  shopSupport: 1000,
  /** 支付宝 申请售后 / 投诉 — the problem description box. */
  alipayDescription: 200,
  /** 微信支付 交易投诉 — the problem description box. */
  wechatDescription: 200,
  /** 全国12315平台 — 投诉请求. */
  gov12315Request: 100,
  /** 全国12315平台 — 争议事实 (problem description). */
  gov12315Facts: 500,
} as const;
