// The one-character province abbreviations that open an ICP filing number (浙ICP备…, 蜀ICP备…).
// Four provinces have two in use: the filing system prints 黔 / 滇 / 蜀 / 陇, while many footers
// write 贵 / 云 / 川 / 甘; both name the same 通信管理局, so both are accepted.

export const PROVINCE_BY_CHAR: Readonly<Record<string, string>> = {
  京: 'beijing', 津: 'tianjin', 沪: 'shanghai', 渝: 'chongqing', 冀: 'hebei', 豫: 'henan', 云: 'yunnan', 滇: 'yunnan',
  辽: 'liaoning', 黑: 'heilongjiang', 湘: 'hunan', 皖: 'anhui', 鲁: 'shandong', 新: 'xinjiang', 苏: 'jiangsu',
  浙: 'zhejiang', 赣: 'jiangxi', 鄂: 'hubei', 桂: 'guangxi', 甘: 'gansu', 陇: 'gansu', 晋: 'shanxi', 蒙: 'neimenggu',
  陕: 'shaanxi', 吉: 'jilin', 闽: 'fujian', 贵: 'guizhou', 黔: 'guizhou', 粤: 'guangdong', 青: 'qinghai', 藏: 'xizang',
  川: 'sichuan', 蜀: 'sichuan', 宁: 'ningxia', 琼: 'hainan',
};

/** Every province code, for the `province_<code>` locale names. */
export const PROVINCE_CODES: readonly string[] = [...new Set(Object.values(PROVINCE_BY_CHAR))];
