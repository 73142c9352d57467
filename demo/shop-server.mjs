// @ts-check
/*
 * PayWitness demo 卡盟 "星河发卡": a made-up shop shaped like dujiaoka's "unicorn" theme, plus a
 * made-up 易支付 (epay) gateway on a second port. Original minimal HTML; only visible texts,
 * routes and class names follow the real projects. No dependencies, fully offline.
 *
 * Texts used and where they come from (assimon/dujiaoka @9f5467ad, openfeibu/epay @ce688fa):
 *  resources/lang/zh_CN/dujiaoka.php
 *    error_title '出现错误了哟~'  callback '返回'  home_page '首页'  order_search '订单查询'
 *    site_announcement '公告'  price '价格'  order_now '下单'  email '邮箱'  payment_method '支付方式'
 *    search_password '订单查询密码'  by_amount '购买'  confirm_order '确认订单'  pay_immediately '立即支付'
 *    money_symbol '￥' (full-width U+FFE5)  search_now '立即查询'  group_all '全部'
 *    order_search_by_sn '订单号查询'  order_search_by_email '下单邮箱查询'  order_search_by_browser '浏览器查询'
 *    prompt.abnormal_payment_channel '支付网关异常！'  prompt.pay_gateway_does_not_exist '支付网关不存在'
 *    prompt.order_does_not_exist '订单不存在'  prompt.order_is_expired '订单已过期，请重新下单'
 *    prompt.order_already_paid '订单已经支付过了，请勿重复支付'  prompt.no_related_order_found '未找到相关订单！'
 *    prompt.no_related_order_found_for_cache '未找到相关订单缓存！'  prompt.search_order_browser_tips '最多只能查询最近 5 笔订单'
 *    prompt.email_format_error '请正确填写邮箱'  prompt.search_password_can_not_be_empty '请填写订单查询密码'
 *    prompt.inventory_shortage '库存不足'  prompt.goods_does_not_exist '商品不存在'  prompt.please_select_mode_of_payment '请选择支付方式'
 *    page-title: 首页 / 订单确认 / 订单详情 / 订单查询
 *  resources/lang/zh_CN/order.php  订单号 订单名称 商品单价 购买数量 下单邮箱 订单类型 实际支付价格 订单状态
 *    订单创建时间 订单详情 查询密码; status: 待支付 待处理 处理中 已完成 失败 异常 已过期
 *  resources/lang/zh_CN/goods.php  库存 商品描述 自动发货 人工处理
 *  resources/views/unicorn/errors/error.blade.php  '似乎遇到了一点问题~', div.err-message, "返回" = history.back
 *  app/Http/Controllers/Pay/WepayController.php  '支付网关异常！' . exception message; the message
 *    'Get Wechat API Error:' + return_msg comes from yansongda/pay; '签名错误' is WeChat's return_msg
 *  app/Http/Controllers/Home/OrderController.php checkOrderStatus JSON {msg:'wait....',code:400000} etc.
 *  database/sql/install.sql  pay names '易支付-支付宝' (alipay, /pay/yipay), '微信扫码' (wescan, /pay/wepay)
 *  epay skin/submit.php + includes/function.php sysmsg(): <title>站点提示信息</title>,
 *    <body id="error-page"><h3>站点提示信息</h3>签名校验失败，请返回重试！  (also 'PID不存在', '订单号(out_trade_no)不能为空')
 *  layui layer.msg markup: div.layui-layer.layui-layer-dialog.layui-layer-msg > div.layui-layer-content
 */
import http from 'node:http';
import { createHash, randomInt } from 'node:crypto';
import { pathToFileURL } from 'node:url';

const SITE = '星河发卡';
const PID = '1001';
const GATEWAY_KEY = 'xh8K2mQ9demoKey'; // the key the gateway holds for merchant 1001
const SHOP_KEY = 'xh8K2mQ9oldKey'; // the (stale) key the shop signs with → signature mismatch
const ST = { EXPIRED: -1, WAIT_PAY: 1, PENDING: 2, PROCESSING: 3, COMPLETED: 4, FAILURE: 5, ABNORMAL: 6 };
/** @type {Record<string, [string, string]>} status → [label, badge class] as in unicorn orderinfo */
const STATUS_LABEL = {
  '-1': ['已过期', 'bg-dark'], 1: ['待支付', 'bg-secondary'], 2: ['待处理', 'bg-info'], 3: ['处理中', 'bg-primary'],
  4: ['已完成', 'bg-success'], 5: ['失败', 'bg-danger'], 6: ['异常', 'bg-danger'],
};
const WX_ERROR = '支付网关异常！Get Wechat API Error:签名错误';

/** @typedef {{ id: number, name: string, price: string, stock: number, auto: boolean, desc: string }} Goods */
/** @typedef {{ name: string, handle: string, check: string }} PayWay */
/** @typedef {{ sn: string, goodsId: number, title: string, price: string, amount: number, total: string,
 *   email: string, pwd: string, pay: string, status: number, createdAt: number, info: string, auto: boolean }} Order */
/** @typedef {{ status?: number, type?: string, headers?: Record<string, string | string[]> }} SendOpts */

/** @type {Goods[]} */
const GOODS = [
  { id: 1, name: '腾讯视频VIP会员 月卡', price: '10.00', stock: 86, auto: true,
    desc: '官方渠道卡密，付款后自动发货，卡密在订单详情中查看。若兑换失败请先确认账号类型；未使用的卡密 7 天内可申请退款，已兑换的卡密不支持退款。' },
  { id: 2, name: '网易云音乐黑胶VIP 季卡', price: '25.00', stock: 12, auto: false,
    desc: '人工代充，下单后请耐心等待，一般 24 小时内处理。账号信息填写错误导致充值失败的，可联系客服退款。' },
  { id: 3, name: 'Steam 钱包充值码 50元', price: '50.00', stock: 0, auto: true,
    desc: '国区钱包充值码。补货中，库存为 0 时无法下单，失败订单会自动关闭，无需申请退款。' },
];
/** @type {Record<string, PayWay>} form value → pay channel (real pay_name / pay_check) */
const PAYS = {
  epay: { name: '易支付-支付宝', handle: 'epay', check: 'alipay' },
  wx: { name: '微信扫码', handle: 'wx', check: 'wxpay' },
  // A hosted cashier whose pages carry only an opaque token, never the order number (as many
  // aggregated gateways do): what PayWitness must tie back to the order through the tab's flow.
  cashier: { name: '余额支付（收银台）', handle: 'cashier', check: 'cashier' },
};

/**
 * What a shop shows about itself, as data: the demo runs as 星河发卡 (company, ICP number, contacts, 易支付,
 * refund promises, unfair terms) or as shops that show the opposite, for the "this shop" tests.
 * @typedef {{ name: string, footer: string, pays: Record<string, PayWay>, descriptions: Record<number, string>,
 *   escrow: string | null, contact: string | null, announcement: string, agreement: string[] }} Look
 */
/** No company, no ICP number, no contact, the shop's own Alipay / WeChat merchant, escrow, no promise, fair terms. @type {Look} */
const PLAIN = {
  name: '小鱼卡铺',
  footer: '',
  pays: { alipay: { name: '支付宝', handle: '/pay/alipay', check: 'alipay' }, wx: { name: '微信支付', handle: '/pay/wepay', check: 'wescan' } },
  descriptions: { 1: '官方渠道卡密，付款后自动发货，卡密在订单详情中查看。', 2: '人工代充，下单后请耐心等待，一般 24 小时内处理。', 3: '国区钱包充值码，补货中。' },
  escrow: '本店支持担保交易：货款由平台保管，确认收到卡密后才结算给商家。',
  contact: null,
  announcement: '欢迎光临小鱼卡铺，人工客服在线时间 9:00-22:00，节假日照常发货。',
  agreement: [
    '一、本店商品均为虚拟商品，请在购买前仔细阅读商品说明。',
    '二、卡密无法使用的，请在 24 小时内联系客服更换。',
    '三、本店修改本协议前七日通过站内公告通知用户。',
  ],
};
/** @type {Record<'xinghe' | 'plain' | 'odd_icp', Look>} */
const LOOKS = {
  xinghe: {
    name: SITE,
    footer: '© 2024 杭州星河网络科技有限公司 · <a href="https://beian.miit.gov.cn/">浙ICP备12345678号-1</a>',
    pays: PAYS,
    descriptions: {},
    escrow: null,
    contact: '售后客服 QQ：10086100 · Telegram：@xinghekefu',
    announcement: '话费、会员充值失败自动退款，款项原路退回，无需联系客服。',
    agreement: [
      '一、本站出售的商品均为虚拟商品，请在购买前仔细阅读商品说明。',
      '二、虚拟商品一经售出概不退换。',
      '三、本站有权随时修改本协议，修改后无需另行通知。',
      '四、本协议最终解释权归星河发卡所有。',
    ],
  },
  plain: PLAIN,
  // Like plain, but its footer prints an ICP number in no valid shape.
  odd_icp: { ...PLAIN, name: '某某数码', footer: '© 2024 某某数码工作室 · 华ICP备1234号' },
};

/** @param {unknown} s */
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Y-m-d H:i:s in Asia/Shanghai (UTC+8, no DST) @param {number} ms */
const fmt = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 19).replace('T', ' ');
/** @param {string} s */
const md5 = (s) => createHash('md5').update(s, 'utf8').digest('hex');
// dujiaoka's strtoupper(Str::random(16)); one digit is kept in place so that every demo order number
// reads as one (PayWitness takes an all-letter token for a word — about 1 in 180 real numbers).
const newSN = () => {
  const sn = Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[randomInt(36)]);
  if (!sn.some((c) => /\d/.test(c ?? ''))) sn[randomInt(16)] = String(randomInt(10));
  return sn.join('');
};
/** epay signing: drop sign/sign_type/empty, sort keys, k=v&k=v, append key, md5 @param {Record<string,string>} p @param {string} key */
function epaySign(p, key) {
  const pre = Object.keys(p).filter((k) => k !== 'sign' && k !== 'sign_type' && p[k] !== '').sort()
    .map((k) => `${k}=${p[k]}`).join('&');
  return md5(pre + key);
}

const CSS = `*{box-sizing:border-box}body{margin:0;font:14px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;background:#f4f5f7;color:#333}
a{color:#2f54eb;text-decoration:none}.container{max-width:1080px;margin:0 auto;padding:0 12px}
.header{background:#fff;border-bottom:1px solid #e5e5e5;position:sticky;top:0;z-index:10}
.navbar{display:flex;align-items:center;gap:28px;height:56px}.navbar-brand{font-size:20px;font-weight:600;color:#222}
.navbar-nav{display:flex;gap:18px;list-style:none;margin:0;padding:0}.nav-link{color:#666}.nav-link.active{color:#111;font-weight:600}
.card{background:#fff;border:1px solid #e3e3e3;border-radius:6px;margin:16px 0;position:relative}.card-body{padding:16px}
.narrow{max-width:720px;margin:0 auto}.border-0{border:0}.badge{display:inline-block;padding:1px 7px;border-radius:4px;font-size:12px;color:#fff}
.bg-success{background:#389e0d}.bg-warning{background:#d48806}.bg-secondary{background:#8c8c8c}.bg-info{background:#13a8a8}
.bg-primary{background:#2f54eb}.bg-danger{background:#cf1322}.bg-dark{background:#262626}
.btn{display:inline-block;padding:6px 16px;border:1px solid #333;border-radius:4px;background:#fff;color:#333;cursor:pointer;font-size:14px}
.btn-dark,.btn-primary{background:#222;color:#fff}.goods-list{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:16px}
h5,h6{font-size:15px;margin:8px 0}small{font-size:13px}.text-muted{color:#888}.text-center{text-align:center}.mb-1{margin-bottom:6px}.mt-3{margin-top:16px}.lead{font-size:15px}
.err-message{padding:16px;text-align:center}.footer{text-align:center;color:#888;padding:20px;font-size:13px}
input[type=text],input[type=email],input[type=number],input[type=password],textarea{width:100%;padding:6px 8px;border:1px solid #ccc;border-radius:4px;font:inherit}
.form-group{margin:8px 0}.form-check-inline{display:inline-block;margin-right:14px}
.layui-layer-msg{position:fixed;top:40%;left:50%;transform:translateX(-50%);background:rgba(0,0,0,.75);color:#fff;padding:12px 26px;border-radius:4px;z-index:19891015}`;

/** @param {string} title @param {string} body @param {string} path @param {string} [script] @param {Look} [look] */
function layout(title, body, path, script = '', look = LOOKS.xinghe) {
  const act = (/** @type {boolean} */ on) => (on ? ' active' : '');
  return `<!DOCTYPE html>
<html lang="zh-cn">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${esc(title)} | ${look.name}</title>
<style>${CSS}</style>
</head>
<body>
<!-- header start -->
<header class="header sticky-top"><div class="container"><nav class="navbar navbar-expand-lg navbar-light">
<a class="navbar-brand" href="/">${look.name}</a>
<ul class="navbar-nav me-auto">
<li class="nav-item"><a class="nav-link${act(path === '/')}" href="/">首页</a></li>
<li class="nav-item"><a class="nav-link${act(path === '/order-search')}" href="/order-search">订单查询</a></li>
</ul></nav></div></header>
<!-- header end -->
${body}
<!-- footer start-->
<footer class="footer p-3"><div class="author">Powered by：<a href="http://dujiaoka.com">@独角数卡</a></div>
${look.footer ? `<div class="custom">${look.footer}</div>` : ''}</footer>
<!-- footer end-->
${script}
</body>
</html>`;
}

/** dujiaoka BaseController::err → unicorn/errors/error.blade.php @param {string} content @param {string} path @param {Look} [look] */
function errorPageOf(content, path, look = LOOKS.xinghe) {
  return layout('出现错误了哟~', `<div class="page-wrapper"><section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card m-3 border-0"><div class="card-body p-4">
<h3 class="card-title ali-icon">出现错误了哟~： </h3>
<h6><small class="text-muted">似乎遇到了一点问题~</small></h6>
<div class="err-message text-center p-3"><h5>${esc(content)}</h5></div>
<div class="col-12 mt-3 text-center"><a href="javascript:history.back(-1);" class="btn btn-outline-dark">返回</a></div>
</div></div></div></div></section></div>`, path, '', look);
}

/** @param {Goods} g */
const typeBadge = (g) => (g.auto ? '<span class="badge bg-success">自动发货</span>' : '<span class="badge bg-warning">人工处理</span>');

/** @param {Look} look */
function homePage(look) {
  const cards = GOODS.map((g) => `<div class="col"><div class="card position-relative">
<div class="card-body">${typeBadge(g)}
<h6 class="card-title text-truncate">${esc(g.name)}</h6>
<button type="button" class="btn btn-sm btn-outline-success" title="价格"><i class="ali-icon">￥</i><strong>${g.price}</strong></button>
<h6 class="mt-2"><small class="text-muted">库存：${g.stock}</small></h6>
<a href="/buy/${g.id}" class="btn btn-primary fr">下单</a>
</div></div></div>`).join('\n');
  return layout('首页', `<div class="notice"><div class="container"><div class="card mt-3"><div class="card-body">
<div class="jumbotron jumbotron-fluid p-1"><h4>公告：</h4>
<p class="lead">欢迎光临${look.name}！自动发货商品付款后即时发卡，人工处理商品一般 24 小时内完成。如遇到支付网关异常，请稍后重试或联系客服（QQ：10086100），请勿重复付款。</p>
</div></div></div></div></div>
<section class="main-container"><div class="category"><div class="container">
<h3 class="text-center">今天需要一点什么？</h3>
<p class="lead text-center">优质的商品和卓越的客户服务代表完美的交易流程体现。</p>
<div class="category-menus text-center"><a href="#group-all" class="btn btn-outline-secondary active">全部</a></div>
</div></div>
<div class="goods"><div class="container"><div class="goods-list mb-5" id="group-all">
${cards}
</div></div></div></section>`, '/', '', look);
}

/** @param {Goods} g @param {Look} look */
function buyPage(g, look) {
  const radios = Object.entries(look.pays).map(([v, p], i) => `<div class="form-check form-check-inline"><label class="form-check-label">
<input type="radio" class="form-check-input" name="payway" value="${v}"${i === 0 ? ' checked="checked"' : ''}> ${p.name}</label></div>`).join('\n');
  return layout(g.name, `<section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card mt-3"><div class="card-body p-4">${typeBadge(g)}
<h3 class="card-title">${esc(g.name)}</h3>
<h6><small class="text-muted">库存：${g.stock}</small></h6>
<div class="buy-form mt-3"><form action="/create-order" method="post">
<div class="form-group row">
<h6>价格：￥ ${g.price}</h6>
<input type="hidden" name="gid" value="${g.id}">
<div class="form-group"><label for="email" class="col-form-label">邮箱:</label>
<input type="email" class="form-control form-control-sm" name="email" id="email" required placeholder="邮箱"></div>
<div class="form-group"><label for="shop-number" class="col-form-label">购买:</label>
<input type="number" class="form-control form-control-sm" id="shop-number" name="by_amount" min="1" value="1"></div>
<div class="form-group"><label for="search_pwd" class="col-form-label">订单查询密码:</label>
<input type="text" class="control form-control form-control-sm" id="search_pwd" name="search_pwd" required value=""></div>
<fieldset><label class="col-form-label">支付方式：</label>
${radios}
</fieldset>${look.escrow ? `\n<p class="escrow text-muted">${esc(look.escrow)}</p>` : ''}
<div class="mt-3"><button type="submit" id="submit" class="btn btn-outline-primary">下单</button></div>
</div></form></div></div></div>
<div class="card mt-3 mb-3"><div class="card-header card-body"><h5>商品描述</h5></div>
<div class="card-body">${esc(look.descriptions[g.id] ?? g.desc)}</div>${look.contact ? `\n<div class="card-footer text-muted contact">${esc(look.contact)}</div>` : ''}</div>
</div></div></section>`, `/buy/${g.id}`, '', look);
}

/** unicorn static_pages/bill.blade.php; late=true adds the delayed layer.msg toast @param {Order} o @param {boolean} late @param {string} path @param {Look} look */
function billPage(o, late, path, look) {
  const p = look.pays[o.pay] ?? { name: '', handle: '', check: '' };
  const script = late ? `<script>
setTimeout(function () { // simulates the XHR answer of the pay channel arriving late
  var d = document.createElement('div');
  d.className = 'layui-layer layui-layer-dialog layui-layer-msg';
  d.id = 'layui-layer1'; d.setAttribute('type', 'dialog'); d.setAttribute('times', '1'); d.setAttribute('contype', 'string');
  d.innerHTML = '<div id="" class="layui-layer-content layui-layer-padding"><i class="layui-layer-ico layui-layer-ico2"></i>支付网关异常！</div><span class="layui-layer-setwin"></span>';
  document.body.appendChild(d);
}, 1500);
</script>` : '';
  return layout('订单确认', `<section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card m-3"><div class="card-body p-2 text-center"><h3 class="card-title text-primary ali-icon">确认订单</h3></div>
<div class="card card-body p-3 border-0"><div class="mx-auto">
<h5><small class="text-muted">订单号：${o.sn}</small></h5>
<div class="mb-1"><label>订单名称：</label><span>${esc(o.title)}</span></div>
<div class="mb-1"><label>商品单价：</label><span> ${o.price}</span></div>
<div class="mb-1"><label>购买数量：</label><span>${o.amount}</span></div>
<div class="mb-1"><label>下单邮箱：</label><span>${esc(o.email)}</span></div>
<div class="mb-1"><label>订单类型：</label>${o.auto ? '<span class="badge bg-success">自动发货</span>' : '<span class="badge bg-warning">人工处理</span>'}</div>
<div class="mb-1"><label>实际支付价格：</label><span>￥${o.total}</span></div>
<div class="mb-1"><label>支付方式：</label><span>${p.name}</span></div>
<div class="mb-1"><label>订单创建时间：</label><span>${fmt(o.createdAt)}</span></div>
<div class="pay-now text-center mt-3"><a href="/pay-gateway/${p.handle}/${p.check}/${o.sn}" type="button" class="btn btn-dark">立即支付</a></div>
</div></div></div></div></div></section>`, path, script, look);
}

/** unicorn static_pages/orderinfo.blade.php @param {Order[]} list @param {string} path @param {Look} look */
function orderInfoPage(list, path, look) {
  const cards = list.map((o) => {
    const [label, cls] = STATUS_LABEL[String(o.status)] ?? ['', ''];
    return `<div class="col-md-8 narrow"><div class="card mt-3"><div class="card-body">
<div class="mx-auto">
<h5><small class="text-muted">订单号：${o.sn}</small></h5>
<div class="mb-1"><label>订单名称：</label><span>${esc(o.title)}</span></div>
<div class="mb-1"><label>购买数量：</label><span>${o.amount}</span></div>
<div class="mb-1"><label>订单创建时间：</label><span>${fmt(o.createdAt)}</span></div>
<div class="mb-1"><label>下单邮箱：</label><span>${esc(o.email)}</span></div>
<div class="mb-1"><label>订单类型：</label>${o.auto ? '<span class="badge bg-success">自动发货</span>' : '<span class="badge bg-warning">人工处理</span>'}</div>
<div class="mb-1"><label>实际支付价格：</label><span>${o.total}</span></div>
<div class="mb-1"><label>订单状态：</label><span class="badge ${cls}">${label}</span></div>
<div class="mb-1"><label>支付方式：</label><span>${look.pays[o.pay]?.name ?? ''}</span></div>
</div>
<div class="card-body"><h6 class="card-title">订单详情</h6>
<div class="card-info"><textarea class="form-control" rows="5" readonly>${esc(o.info)}</textarea></div>
<button id="copy-card" class="btn btn-primary mt-2" data-clipboard-text="${esc(o.info)}">复制</button></div>
</div></div></div>`;
  }).join('\n');
  return layout('订单详情', `<section class="main-container"><div class="container"><div class="order-card">
${cards}
</div></div></section>`, path, '', look);
}

/** 购买须知: the shop's own terms, with clauses a shopper should not have to accept (text written for the demo). */
function noticePage() {
  return layout('购买须知', `<section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card m-3"><div class="card-body p-4">
<h3 class="card-title">购买须知</h3>
<p>一、本店出售的商品均为虚拟商品，自动发货商品付款后即时发卡，人工处理商品一般 24 小时内完成。</p>
<p>二、虚拟商品一经售出概不退款，请在购买前仔细核对商品说明。</p>
<p>三、因支付通道或网络原因造成的任何损失，本店不承担任何责任。</p>
<p>四、订单问题请在下单后 24 小时内联系客服（QQ：10086100）。</p>
<p>本店对以上条款拥有最终解释权。</p>
</div></div></div></div></section>`, '/article/buy-notice');
}

/** 公告: an announcement page of the shop's own (acg-faka / 卡盟 style), in a div.notice. @param {Look} look */
function announcementPage(look) {
  return layout('公告', `<section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card m-3"><div class="card-body p-4"><h3 class="card-title">系统公告</h3>
<div class="notice announcement"><p>${esc(look.announcement)}</p></div>
<p class="text-muted">发布时间：2024-06-01</p>
</div></div></div></div></section>`, '/article/announcement', '', look);
}

/** 用户协议: the shop's terms (text written for the demo). @param {Look} look */
function agreementPage(look) {
  return layout('用户协议', `<section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card m-3"><div class="card-body p-4"><h3 class="card-title">用户协议</h3>
${look.agreement.map((clause) => `<p>${esc(clause)}</p>`).join('\n')}
</div></div></div></div></section>`, '/article/user-agreement', '', look);
}

/** @param {Look} look */
function searchPage(look) {
  const btn = '<div class="mt-3"><button type="submit" class="btn btn-outline-primary">立即查询</button></div>';
  return layout('订单查询', `<section class="main-container"><div class="container"><div class="good-card narrow">
<div class="card m-3"><div class="card-body p-4">
<h3 class="card-title">订单查询</h3>
<h6><small class="text-muted">最多只能查询最近 5 笔订单</small></h6>
<div class="buy-form mt-3" id="searchTabContent">
<h5 class="nav-link">订单号查询</h5>
<form action="/search-order-by-sn" method="post" id="order_search_by_sn"><label for="orderSN" class="col-form-label">订单号:</label>
<input type="text" class="form-control form-control-sm" id="orderSN" name="order_sn" required placeholder="订单号">${btn}</form>
<h5 class="nav-link mt-3">下单邮箱查询</h5>
<form action="/search-order-by-email" method="post" id="order_search_by_email"><label for="email" class="col-form-label">下单邮箱:</label>
<input type="email" class="form-control form-control-sm" id="email" name="email" required>
<label for="searchPwd" class="col-form-label">查询密码:</label>
<input type="password" class="form-control form-control-sm" id="searchPwd" name="search_pwd" required>${btn}</form>
<h5 class="nav-link mt-3">浏览器查询</h5>
<form action="/search-order-by-browser" method="post" id="order_search_by_browser">${btn}</form>
</div></div></div></div></div></section>`, '/order-search', '', look);
}

/**
 * A user-centre balance log (acg-faka / 卡盟 style 余额明细) where one order was deducted twice,
 * two seconds apart: the shop's own ledger shows the double charge.
 * @param {string} sn @param {number} t0 @param {Look} look
 */
function recordsPage(sn, t0, look) {
  const at = (/** @type {number} */ minutesAgo) => fmt(t0 - minutesAgo * 60e3);
  const rows = [
    `${at(240)}  余额充值  +100.00  余额：100.00`,
    `${at(180)}  购买扣款  订单号：${sn}  -50.00  余额：50.00`,
    `${at(179.97)}  购买扣款  订单号：${sn}  -50.00  余额：0.00`,
  ].map((row) => `<div class="log-row">${esc(row)}</div>`).join('\n');
  return layout('余额明细', `<section class="main-container"><div class="container"><div class="card m-3"><div class="card-body">
<h3 class="card-title">余额明细</h3>
${rows}
</div></div></div></section>`, '/user/records', '', look);
}

/** epay includes/function.php sysmsg() page @param {string} msg */
function sysmsg(msg) {
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>站点提示信息</title>
<style>html{background:#eee}body{background:#fff;color:#333;font-family:"微软雅黑","Microsoft YaHei",sans-serif;margin:2em auto;padding:1em 2em;max-width:700px;box-shadow:10px 10px 10px rgba(0,0,0,.13);opacity:.8}h3{text-align:center}</style>
</head>
<body id="error-page">
<h3>站点提示信息</h3>${esc(msg)}</body>
</html>`;
}

/** @param {http.IncomingMessage} req @returns {Promise<URLSearchParams>} */
async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 65536) break;
  }
  return new URLSearchParams(body);
}

/** @param {http.ServerResponse} res @param {string} body @param {SendOpts} [opts] */
function send(res, body, { status = 200, type = 'text/html; charset=utf-8', headers = {} } = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
/** @param {http.ServerResponse} res @param {string} location @param {Record<string, string>} [headers] */
const redirect = (res, location, headers = {}) => send(res, '', { status: 302, type: 'text/plain; charset=utf-8', headers: { Location: location, ...headers } });

/** @param {http.Server} server @param {string} host @param {number} port @returns {Promise<string>} */
function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const a = server.address();
      if (!a || typeof a === 'string') return reject(new Error('no address'));
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${a.port}`);
    });
  });
}

/**
 * Start the demo shop and its 易支付 gateway.
 * @param {{ host?: string, port?: number, gatewayPort?: number, now?: () => number, look?: 'xinghe' | 'plain' | 'odd_icp' }} [options]
 * @returns {Promise<{ origin: string, gatewayOrigin: string, close: () => Promise<void>,
 *   orders: { stalled: string, completed: string, fresh: string, unpaid: string, twiceFirst: string, twiceSecond: string,
 *     chargedTwice: string },
 *   addOrder: (spec: { goodsId: number, amount?: number, status: 'pending'|'processing'|'completed', ageMs: number }) => string }>}
 */
export async function startShop({ host = '127.0.0.1', port = 0, gatewayPort = 0, now = () => Date.now(), look: lookName = 'xinghe' } = {}) {
  const t0 = now();
  const look = LOOKS[lookName];
  /** @param {string} content @param {string} path */
  const errorPage = (content, path) => errorPageOf(content, path, look);
  /** @type {Map<string, Order>} */
  const db = new Map();
  /** @param {Omit<Order, 'title'|'price'|'total'|'auto'>} o */
  const add = (o) => {
    const g = /** @type {Goods} */ (GOODS.find((x) => x.id === o.goodsId));
    const order = { ...o, title: g.name, price: g.price, auto: g.auto, total: (Number(g.price) * o.amount).toFixed(2) };
    db.set(o.sn, order);
    return order.sn;
  };
  const orders = {
    stalled: add({ sn: 'STALL30HOURS0001', goodsId: 2, amount: 1, email: 'buyer@example.com', pwd: '123456', pay: 'epay',
      status: ST.PROCESSING, createdAt: t0 - 30 * 3600e3, info: '网易云账号:13800000000' }),
    completed: add({ sn: 'DONE2DAYSAGO0002', goodsId: 1, amount: 2, email: 'buyer@example.com', pwd: '123456', pay: 'epay',
      status: ST.COMPLETED, createdAt: t0 - 48 * 3600e3, info: 'TXVIP-7Q2M-9LPD-4K8A\nTXVIP-3HZX-K5WN-8C1R' }),
    fresh: add({ sn: 'FRESH10MINS00003', goodsId: 1, amount: 1, email: 'buyer@example.com', pwd: '123456', pay: 'epay',
      status: ST.PENDING, createdAt: t0 - 10 * 60e3, info: '' }),
    unpaid: add({ sn: 'WAITPAY10YUAN004', goodsId: 1, amount: 1, email: 'buyer@example.com', pwd: '123456', pay: 'epay',
      status: ST.WAIT_PAY, createdAt: t0 - 60e3, info: '' }),
    // Two paid orders for the same product and amount, 8 minutes apart: one purchase charged twice,
    // or two purchases? Each order page alone looks normal. (Own email: keeps the lists above as they were.)
    twiceFirst: add({ sn: 'TWICE30YUAN00005', goodsId: 1, amount: 3, email: 'twice@example.com', pwd: '123456', pay: 'epay',
      status: ST.PROCESSING, createdAt: t0 - 20 * 60e3, info: '' }),
    twiceSecond: add({ sn: 'TWICE30YUAN00006', goodsId: 1, amount: 3, email: 'twice@example.com', pwd: '123456', pay: 'epay',
      status: ST.PENDING, createdAt: t0 - 12 * 60e3, info: '' }),
    // The order the purchase-records page (/user/records) shows deducted twice.
    chargedTwice: add({ sn: 'CHARGED2X50YUAN7', goodsId: 3, amount: 1, email: 'twice@example.com', pwd: '123456', pay: 'epay',
      status: ST.PROCESSING, createdAt: t0 - 3 * 3600e3, info: '' }),
  };
  /**
   * Adds an order as if placed `ageMs` ago (tests use it to put an order just under the stall
   * threshold); returns its order number.
   * @param {{ goodsId: number, amount?: number, status: 'pending'|'processing'|'completed', ageMs: number }} spec
   */
  const addOrder = (spec) => add({ sn: newSN(), goodsId: spec.goodsId, amount: spec.amount ?? 1, email: 'added@example.com', pwd: '123456',
    pay: 'epay', status: { pending: ST.PENDING, processing: ST.PROCESSING, completed: ST.COMPLETED }[spec.status], createdAt: now() - spec.ageMs, info: '' });
  /** @type {{ origin: string, gatewayOrigin: string }} */
  const o = { origin: '', gatewayOrigin: '' };
  /** @type {Map<string, number>} cashier token → amount to charge */
  const cashierAmounts = new Map();

  /** dujiaoka PayController::checkOrder @param {string} sn @returns {string | Order} */
  const checkOrder = (sn) => {
    const order = db.get(sn);
    if (!order) return '订单不存在';
    if (order.status === ST.EXPIRED) return '订单已过期，请重新下单';
    if (order.status > ST.WAIT_PAY) return '订单已经支付过了，请勿重复支付';
    return order;
  };
  /** @param {Order} order @returns {Record<string, string>} */
  const epayParams = (order) => {
    /** @type {Record<string, string>} */
    const p = { pid: PID, type: 'alipay', out_trade_no: order.sn, notify_url: `${o.origin}/pay/yipay/notify_url`,
      return_url: `${o.origin}/pay/yipay/return_url?order_id=${order.sn}`, name: order.sn, money: order.total, sign: '', sign_type: 'MD5' };
    p.sign = epaySign(p, SHOP_KEY);
    return p;
  };

  const shop = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const m = (/** @type {RegExp} */ re) => path.match(re);
    const page = (/** @type {string} */ html) => send(res, html);
    /** @type {RegExpMatchArray | null} */ let r;
    try {
      if (req.method === 'GET' && path === '/') return page(homePage(look));
      if (req.method === 'GET' && (r = m(/^\/buy\/(\d+)$/))) {
        const id = Number(r[1]);
        const g = GOODS.find((x) => x.id === id);
        return page(g ? buyPage(g, look) : errorPage('商品不存在', path));
      }
      if (req.method === 'POST' && path === '/create-order') {
        const f = await readForm(req);
        const g = GOODS.find((x) => x.id === Number(f.get('gid')));
        const email = (f.get('email') ?? '').trim();
        const amount = Number(f.get('by_amount') ?? '1');
        const pay = f.get('payway') ?? '';
        if (!g) return page(errorPage('商品不存在', path));
        if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return page(errorPage('请正确填写邮箱', path));
        if (!Number.isInteger(amount) || amount < 1) return page(errorPage('请正确填写购买数量', path));
        if (amount > g.stock) return page(errorPage('库存不足', path));
        if (!f.get('search_pwd')) return page(errorPage('请填写订单查询密码', path));
        if (!look.pays[pay]) return page(errorPage('请选择支付方式', path));
        const sn = add({ sn: newSN(), goodsId: g.id, amount, email, pwd: f.get('search_pwd') ?? '', pay,
          status: ST.WAIT_PAY, createdAt: now(), info: '' });
        const prev = /dujiaoka_orders=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
        /** @type {string[]} */ let list = [];
        try { list = prev ? JSON.parse(decodeURIComponent(prev)) : []; } catch { list = []; }
        const cookie = `dujiaoka_orders=${encodeURIComponent(JSON.stringify([...list, sn]))}; Path=/; HttpOnly; SameSite=Lax`;
        return redirect(res, `/bill/${sn}`, { 'Set-Cookie': cookie });
      }
      if (req.method === 'GET' && (r = m(/^\/bill\/([A-Za-z0-9]+)$/))) {
        const order = db.get(r[1] ?? '');
        if (!order) return page(errorPage('订单不存在', path));
        if (order.status === ST.EXPIRED) return page(errorPage('订单已过期，请重新下单', path));
        return page(billPage(order, url.searchParams.get('late') === '1', path, look));
      }
      if (req.method === 'GET' && (r = m(/^\/pay-gateway\/epay-late\/([A-Za-z0-9]+)$/))) {
        const order = db.get(r[1] ?? '');
        return page(order ? billPage(order, true, path, look) : errorPage('订单不存在', path));
      }
      if (req.method === 'GET' && (r = m(/^\/pay-gateway\/([^/]+)\/([^/]+)\/([A-Za-z0-9]+)$/))) {
        const handle = decodeURIComponent(r[1] ?? ''), payway = r[2] ?? '';
        const order = checkOrder(r[3] ?? '');
        if (typeof order === 'string') return page(errorPage(order, path));
        if (handle === 'epay') {
          return redirect(res, `${o.gatewayOrigin}/submit.php?${new URLSearchParams(epayParams(order))}`);
        }
        if (handle === '/pay/yipay') return redirect(res, `/pay/yipay/${payway}/${order.sn}`); // real dujiaoka hop
        if (handle === 'cashier') {
          const token = md5(`${order.sn}${GATEWAY_KEY}`).slice(0, 16);
          cashierAmounts.set(token, Number(order.total));
          return redirect(res, `${o.gatewayOrigin}/cashier.php?token=${token}`);
        }
        if (handle === 'wx' || handle === '/pay/wepay') return page(errorPage(WX_ERROR, path));
        return page(errorPage('支付网关不存在', path));
      }
      if (req.method === 'GET' && (r = m(/^\/pay\/yipay\/(?!notify_url|return_url)([^/]+)\/([A-Za-z0-9]+)$/))) {
        // YipayController::gateway: auto-submitting form to the epay gateway
        const order = checkOrder(r[2] ?? '');
        if (typeof order === 'string') return page(errorPage(order, path));
        const inputs = Object.entries(epayParams(order)).map(([k, v]) => `<input type='hidden' name='${k}' value='${esc(v)}'/>`).join('');
        return page(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${look.name}</title></head><body><form id='alipaysubmit' name='alipaysubmit' action='${o.gatewayOrigin}/submit.php' method='get'>${inputs}<input type='submit' value=''></form><script>document.forms['alipaysubmit'].submit();</script></body></html>`);
      }
      if (path === '/pay/yipay/notify_url') return send(res, 'fail', { type: 'text/plain; charset=utf-8' });
      if (path === '/pay/yipay/return_url') return redirect(res, `/detail-order-sn/${url.searchParams.get('order_id') ?? ''}`);
      if (req.method === 'GET' && (r = m(/^\/check-order-status\/([A-Za-z0-9]+)$/))) {
        const order = db.get(r[1] ?? '');
        const body = !order || order.status === ST.EXPIRED ? { msg: 'expired', code: 400001 }
          : order.status === ST.WAIT_PAY ? { msg: 'wait....', code: 400000 } : { msg: 'success', code: 200 };
        return send(res, JSON.stringify(body), { type: 'application/json' });
      }
      if (req.method === 'GET' && (r = m(/^\/detail-order-sn\/([A-Za-z0-9]+)$/))) {
        const order = db.get(r[1] ?? '');
        return page(order ? orderInfoPage([order], path, look) : errorPage('订单不存在', path));
      }
      if (req.method === 'GET' && path === '/order-search') return page(searchPage(look));
      if (req.method === 'GET' && path === '/article/buy-notice') return page(noticePage());
      if (req.method === 'GET' && path === '/article/announcement') return page(announcementPage(look));
      if (req.method === 'GET' && path === '/article/user-agreement') return page(agreementPage(look));
      if (req.method === 'POST' && path === '/search-order-by-sn') {
        const order = db.get((await readForm(req)).get('order_sn')?.trim() ?? '');
        return page(order ? orderInfoPage([order], path, look) : errorPage('订单不存在', path));
      }
      if (req.method === 'POST' && path === '/search-order-by-email') {
        const f = await readForm(req);
        const email = f.get('email'), pwd = f.get('search_pwd');
        if (!email || pwd === null) return page(errorPage('非法请求！', path));
        const list = [...db.values()].filter((x) => x.email === email && (!pwd || x.pwd === pwd))
          .sort((a, b) => b.createdAt - a.createdAt).slice(0, 5);
        return page(list.length ? orderInfoPage(list, path, look) : errorPage('未找到相关订单！', path));
      }
      if (req.method === 'GET' && path === '/user/records') return page(recordsPage(orders.chargedTwice, t0, look));
      if (req.method === 'POST' && path === '/search-order-by-browser') {
        const raw = /dujiaoka_orders=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
        /** @type {string[]} */ let sns = [];
        try { sns = raw ? JSON.parse(decodeURIComponent(raw)) : []; } catch { sns = []; }
        if (!sns.length) return page(errorPage('未找到相关订单缓存！', path));
        const list = sns.map((s) => db.get(s)).filter((x) => x !== undefined)
          .sort((a, b) => b.createdAt - a.createdAt).slice(0, 5);
        return page(orderInfoPage(list, path, look));
      }
      return send(res, 'Not Found', { status: 404, type: 'text/plain; charset=utf-8' });
    } catch (e) {
      return send(res, `Server Error: ${String(e)}`, { status: 500, type: 'text/plain; charset=utf-8' });
    }
  });

  // 易支付 gateway: submit.php refuses anything not signed with the merchant key it holds. Its
  // cashier.php (token only, no order number) is busy for small amounts and finds the shopper's
  // balance short for larger ones.
  const gateway = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/cashier.php') {
      const amount = cashierAmounts.get(url.searchParams.get('token') ?? '');
      if (amount === undefined) return send(res, sysmsg('支付请求已失效，请返回商户重新发起'));
      return send(res, sysmsg(amount <= 20 ? '系统繁忙，请稍后再试' : '账户余额不足，请充值后再支付'));
    }
    if (url.pathname !== '/submit.php') return send(res, 'Not Found', { status: 404, type: 'text/plain; charset=utf-8' });
    const q = url.searchParams.has('pid') ? url.searchParams : req.method === 'POST' ? await readForm(req) : url.searchParams;
    /** @type {Record<string, string>} */
    const p = Object.fromEntries(q);
    if (!Number(p.pid)) return send(res, sysmsg('PID不存在'));
    if (p.pid !== PID || p.sign !== epaySign(p, GATEWAY_KEY)) return send(res, sysmsg('签名校验失败，请返回重试！'));
    if (!p.out_trade_no) return send(res, sysmsg('订单号(out_trade_no)不能为空'));
    if (!(Number(p.money) > 0)) return send(res, sysmsg('金额不合法'));
    return send(res, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>正在为您跳转到支付页面，请稍候...</title></head><body><p>正在为您跳转到支付页面，请稍候...</p></body></html>`);
  });

  o.origin = await listen(shop, host, port);
  o.gatewayOrigin = await listen(gateway, host, gatewayPort);
  const close = async () => {
    for (const s of [shop, gateway]) {
      await new Promise((resolve) => { s.close(() => resolve(undefined)); s.closeAllConnections(); });
    }
  };
  return { origin: o.origin, gatewayOrigin: o.gatewayOrigin, close, orders, addOrder };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const s = await startShop({ port: Number(process.env.SHOP_PORT ?? 8787), gatewayPort: Number(process.env.GATEWAY_PORT ?? 8788) });
  console.log(`${SITE} demo shop:   ${s.origin}/`);
  console.log(`易支付 gateway:        ${s.gatewayOrigin}/submit.php`);
  console.log('seed orders:', s.orders);
  const stop = () => { void s.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
