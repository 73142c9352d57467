// Words that make a message a complaint rather than news: the test for a message we cannot name
// (no table knows it) shown in a neutral surface — a layer.msg without an icon, a dialog, a toast
// with no type. "复制成功" and "正在生成二维码" stay quiet; "通道拥堵，稍后再付" does not.

export const FAILURE_WORDS =
  /(失败|错误|有误|不正确|不合法|非法|异常|不足|无法|不能|不可|不允许|不支持|不存在|未找到|找不到|查询不到|已关闭|被关闭|停用|禁用|禁止|拒绝|超时|过期|逾期|失效|作废|繁忙|拥堵|维护|暂停|请勿|重复|未通过|未开通|未配置|未完成|未成功|未上架|下架|停售|缺货|售罄|超过|超出|限制|频繁|风险|风控|封禁|冻结|出错|报错|故障|崩溃|抱歉|对不起|稍后再试|稍后重试|请重试|请重新|\berror|\bfail|invalid|denied|declined|unable|cannot|can't|could not|couldn't|not allowed|not found|does not exist|expired|timeout|timed out|unavailable|insufficient|exceeded|too many|wrong|incorrect|forbidden|refused|rejected|blocked|suspended|disabled|out of stock|sold out|busy|maintenance|problem|unfortunately|sorry|oops|try again|try later|not ready)/i;

/** Lines a surface shows that are its controls, not its message. */
export const CONTROL_LINE =
  /^(确定|确认|取消|关闭|返回|返回首页|返回上一页|知道了|我知道了|好的|好|ok|okay|cancel|close|confirm|back|retry|重试|刷新|立即前往|联系客服|×|✕|x)$/i;
