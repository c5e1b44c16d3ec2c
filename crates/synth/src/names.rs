//! The names that recur across the archive: people, places, organizations,
//! Latin tokens and product codes. Each is a pool made once from the seed,
//! drawn with Zipf-like weights (rank r weighs 1 / (r + q)), so a facet over
//! the archive has a head of names met in hundreds of articles and a long
//! tail met once or twice.

use crate::dict::{Dict, BARE_PLACES};
use crate::rng::{Rng, Weighted};

/// Common surnames, most frequent first (the order sets the Zipf rank).
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈\
姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安\
齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍\
华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾\
隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Two-character surnames, drawn for about one name in 150.
const DOUBLE_SURNAMES: &[&str] = &["欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙"];

/// Characters of given names, roughly most frequent first.
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红飞鹏婷晨宇浩欣怡雪琳颖倩婧慧莉燕琴云兰凤洁梅素\
宁佳嘉瑶蕾薇璐丹彤妍媛悦心梦晓思雨雅诗子涵轩泽博文哲睿铭昊然天翔宸瀚航逸豪俊凯峰斌辉波林建国民春生德海东志兵永健龙福家荣\
新良亮成立庆学光喜松宏江义发武力金振远树清全世达安峻腾讯星杨帆昕晗璇露鑫岩冰枫柏森楠桐舟尧舜禹伦凡毅恒坤炜烨琦瑜瑞祥祺钧\
锋锐鸿鹤麟黎蓓青晶莹珊茜蓉芝芬菊莲荷萱韵婉姗娅妮娇嫣曦朝旭昭晴晖阳耀辰泉溪澜淼源沛沐润洪深沁潇灵彬杉梓槿樱楷栋梁植岚峥嵘\
崇岳巍山川勤俭忠孝仁信礼智谦诚敬胜卫兴维继承绍纪经纬绪铁锦钰铮银秋冬夏香惠爱捷霖雯霏霆震旺盛昌隆贵富仲伯叔季元亨利贞乾坤\
璋琛瑾璟琰珂玥瑛琪璞钊镇锡钢铸耕耘稼穑丰登盈满豫鲁湘楚燕赵晋秦蜀皖闽粤桂滇黔陇";

/// Cities for datelines (`本报北京1月31日电`) and for the names of
/// universities, hospitals and bureaus, most cited first.
pub const CITIES: &[&str] = &[
    "北京", "上海", "青岛", "济南", "广州", "深圳", "杭州", "南京", "武汉", "成都", "天津", "重庆", "西安", "威海", "潍坊",
    "厦门", "长沙", "郑州", "沈阳", "大连", "宁波", "苏州", "烟台", "淄博", "临沂", "福州", "合肥", "昆明", "哈尔滨",
    "长春", "南昌", "贵阳", "南宁", "太原", "兰州", "石家庄", "海口", "东营", "日照", "济宁", "泰安", "无锡", "温州",
    "珠海", "东莞", "佛山", "洛阳", "宜昌", "襄阳", "西宁", "银川", "呼和浩特", "乌鲁木齐", "拉萨", "三亚", "舟山",
];

/// Where 新华社 files from, besides the cities.
const FOREIGN_DATELINES: &[&str] =
    &["日内瓦", "纽约", "华盛顿", "伦敦", "巴黎", "东京", "柏林", "莫斯科", "布鲁塞尔", "新德里", "开罗", "悉尼"];

/// Provinces, for universities (山东大学).
const PROVINCES: &[&str] = &[
    "山东", "河北", "河南", "湖北", "湖南", "广东", "江苏", "浙江", "安徽", "福建", "江西", "四川", "云南", "陕西", "甘肃",
    "辽宁", "吉林", "海南", "贵州", "山西",
];

/// Characters of trade names (华大, 蔚蓝, 易邦).
const BRAND: &str = "华海天正大中新国泰康瑞恒达信德通宏盛博鑫源金安联科创立隆丰和嘉美晨阳光明星鼎汇航远宇蓝青佳乐益欣润\
祥旭合鸿汉腾飞凯百万易元永长东方云峰浩昌兴荣福顺洋蔚维思特赛尔普斯迪奥捷驰环宁泽卓越英拓睿智微芯众力铭锐高蓬勃兆亿华威\
利亚德赛诺邦贝泰妮正仁太代傲斑思锐";

const INDUSTRIES: &[&str] = &[
    "科技", "生物", "医药", "海洋", "能源", "电子", "智能", "新材料", "物流", "食品", "建设", "文化", "旅游", "信息", "软件",
    "网络", "数据", "电气", "机械", "化工", "环保", "农业", "水产", "健康", "医疗", "制药", "汽车", "船舶", "航空", "投资",
    "置业", "传媒", "纺织", "装备", "检测", "半导体", "光电", "通信", "家电", "基因", "生物科技", "海洋科技", "智能制造",
    "新能源", "数字科技", "供应链",
];

const COMPANY_SUFFIXES: &[(&str, u32)] =
    &[("有限公司", 40), ("股份有限公司", 25), ("集团", 20), ("集团有限公司", 8), ("公司", 7)];

const UNIVERSITY_KINDS: &[&str] =
    &["大学", "理工大学", "科技大学", "师范大学", "医科大学", "海洋大学", "农业大学", "职业技术学院", "财经大学", "工程学院"];

const HOSPITAL_KINDS: &[&str] = &[
    "市第一人民医院", "市第二人民医院", "市第三人民医院", "市中心医院", "市妇女儿童医院", "市中医医院", "市口腔医院", "市肿瘤医院",
    "市人民医院", "市传染病医院",
];

const FIELDS: &[&str] = &[
    "海洋", "生物", "材料", "能源", "信息", "农业", "水产", "环境", "基因", "医学", "化学", "物理", "地质", "气象", "计算",
    "智能", "海洋生物", "生命科学", "先进制造", "集成电路",
];

const BUREAUS: &[&str] = &[
    "市场监督管理局", "发展和改革委员会", "教育局", "卫生健康委员会", "自然资源和规划局", "生态环境局", "商务局", "财政局",
    "科学技术局", "工业和信息化局", "人力资源和社会保障局", "文化和旅游局", "交通运输局", "农业农村局", "海洋发展局",
    "应急管理局", "统计局", "住房和城乡建设局", "民政局", "公安局",
];

const ASSOCIATIONS: &[&str] = &["协会", "商会", "学会", "联合会", "促进会", "产业联盟"];

/// Latin tokens of news text, most frequent first.
const LATIN: &[&str] = &[
    "GDP", "AI", "5G", "APP", "CEO", "DNA", "CPI", "COVID-19", "PPI", "IPO", "VR", "AR", "LED", "PM2.5", "WiFi", "4K",
    "3D", "ETC", "MBA", "NBA", "APEC", "WTO", "CBD", "KPI", "ICU", "CT", "GPS", "USB", "SUV", "ESG", "PPP", "IT", "PC",
    "RNA", "mRNA", "CAR-T", "PCR", "BIM", "ERP", "EDA", "GPU", "CPU", "AIGC", "iPhone", "Android", "OLED", "NFC", "CRISPR",
    "ISO9001", "RCEP", "FDA", "WHO",
];

/// A made-up organization: its full name and the short form a text may
/// use after the first mention (`（以下简称“…”）`).
#[derive(Debug, Clone)]
pub struct Org {
    pub name: String,
    pub short: String,
}

/// Every pool, made once from the seed.
#[derive(Debug, Clone)]
pub struct Names {
    surnames: Vec<char>,
    surname_w: Weighted,
    given: Vec<char>,
    given_w: Weighted,
    pub people: Vec<String>,
    people_w: Weighted,
    pub places: Vec<&'static str>,
    place_w: Weighted,
    /// Places jieba lists ending in 市 (without it), the long tail of cities.
    tail_cities: Vec<&'static str>,
    tail_city_w: Weighted,
    city_w: Weighted,
    pub orgs: Vec<Org>,
    org_w: Weighted,
    pub codes: Vec<String>,
    code_w: Weighted,
    latin_w: Weighted,
}

/// People who recur in the text (officials, experts); the rest are new.
pub const PEOPLE: usize = 30_000;
/// Organizations.
pub const ORGS: usize = 8_000;
/// Highest weight of a place name.
pub const PLACE_CAP: u64 = 20_000;
/// Product and model codes (BG136, C919).
pub const CODES: usize = 400;

impl Names {
    pub fn new(dict: &Dict, rng: &mut Rng) -> Names {
        let surnames: Vec<char> = SURNAMES.chars().collect();
        let given: Vec<char> = {
            let mut seen = std::collections::HashSet::new();
            GIVEN.chars().filter(|c| seen.insert(*c)).collect()
        };
        let surname_w = Weighted::zipf_from(surnames.len(), 3);
        let given_w = Weighted::zipf_from(given.len(), 25);
        let mut names = Names {
            surnames,
            surname_w,
            given,
            given_w,
            people: Vec::new(),
            people_w: Weighted::zipf_from(PEOPLE, 3),
            places: Vec::new(),
            place_w: Weighted::default(),
            tail_cities: Vec::new(),
            tail_city_w: Weighted::default(),
            city_w: Weighted::zipf_from(CITIES.len(), 2),
            orgs: Vec::new(),
            org_w: Weighted::zipf_from(ORGS, 3),
            codes: Vec::new(),
            code_w: Weighted::zipf_from(CODES, 2),
            latin_w: Weighted::zipf_from(LATIN.len(), 2),
        };
        let mut r = rng.fork(1);
        names.people = (0..PEOPLE).map(|_| names.fresh_person(&mut r)).collect();

        let places = dict.places();
        // jieba's counts, capped so that 中国 (129,470) does not take a fifth
        // of all the places named.
        names.place_w = Weighted::new(places.iter().map(|&(_, f)| f.min(PLACE_CAP) + crate::dict::SMOOTHING));
        names.places = places.iter().map(|&(w, _)| w).collect();
        let tail: Vec<(&'static str, u64)> = places
            .iter()
            .filter(|(w, _)| w.ends_with('市') && w.chars().count() >= 3)
            .map(|&(w, f)| (&w[..w.len() - '市'.len_utf8()], f))
            .collect();
        names.tail_city_w = Weighted::new(tail.iter().map(|&(_, f)| f + crate::dict::SMOOTHING));
        names.tail_cities = tail.iter().map(|&(w, _)| w).collect();

        let mut r = rng.fork(2);
        let mut seen = std::collections::HashSet::new();
        while names.orgs.len() < ORGS {
            let org = names.fresh_org(dict, &mut r);
            if seen.insert(org.name.clone()) {
                names.orgs.push(org);
            }
        }
        let mut r = rng.fork(3);
        let mut seen = std::collections::HashSet::new();
        while names.codes.len() < CODES {
            let code = fresh_code(&mut r);
            if !LATIN.contains(&code.as_str()) && seen.insert(code.clone()) {
                names.codes.push(code);
            }
        }
        debug_assert!(BARE_PLACES.iter().all(|p| names.places.contains(p)));
        names
    }

    /// A new name: a surname and one or two given-name characters.
    pub fn fresh_person(&self, rng: &mut Rng) -> String {
        let mut s = String::with_capacity(12);
        if rng.chance(7) {
            s.push_str(rng.pick(DOUBLE_SURNAMES));
        } else {
            s.push(self.surnames[self.surname_w.draw(rng)]);
        }
        let n = if rng.chance(720) { 2 } else { 1 };
        for _ in 0..n {
            s.push(self.given[self.given_w.draw(rng)]);
        }
        s
    }

    /// A person of the recurring pool.
    pub fn person(&self, rng: &mut Rng) -> &str {
        &self.people[self.people_w.draw(rng)]
    }

    pub fn place(&self, rng: &mut Rng) -> &'static str {
        self.places[self.place_w.draw(rng)]
    }

    /// A city: one of [`CITIES`] mostly, else a prefecture from the
    /// dictionary's long tail.
    pub fn city(&self, rng: &mut Rng) -> &'static str {
        if rng.chance(750) || self.tail_cities.is_empty() {
            CITIES[self.city_w.draw(rng)]
        } else {
            self.tail_cities[self.tail_city_w.draw(rng)]
        }
    }

    /// Where a 新华社 dispatch is filed.
    pub fn dateline(&self, rng: &mut Rng) -> &'static str {
        if rng.chance(150) {
            rng.pick(FOREIGN_DATELINES)
        } else {
            CITIES[self.city_w.draw(rng)]
        }
    }

    pub fn org(&self, rng: &mut Rng) -> usize {
        self.org_w.draw(rng)
    }

    pub fn code(&self, rng: &mut Rng) -> &str {
        &self.codes[self.code_w.draw(rng)]
    }

    pub fn latin(&self, rng: &mut Rng) -> &'static str {
        LATIN[self.latin_w.draw(rng)]
    }

    fn brand(&self, dict: &Dict, rng: &mut Rng) -> String {
        let chars: Vec<char> = BRAND.chars().collect();
        match rng.below(10) {
            0..=5 => [rng.pick(&chars), rng.pick(&chars)].iter().collect(),
            6 => [rng.pick(&chars), rng.pick(&chars), rng.pick(&chars)].iter().collect(),
            // A word as trade name (蔚蓝, 正大): a two-char noun or proper noun.
            _ => loop {
                let class = if rng.chance(500) { crate::dict::Class::Nz } else { crate::dict::Class::N };
                let w = dict.draw(class, rng);
                if w.chars().count() == 2 {
                    break w.to_string();
                }
            },
        }
    }

    fn fresh_org(&self, dict: &Dict, rng: &mut Rng) -> Org {
        let city = self.city(rng);
        match rng.weighted(&[46, 10, 9, 10, 10, 8, 4, 3]) {
            // 青岛华大基因股份有限公司 / 华大集团
            0 => {
                let brand = self.brand(dict, rng);
                let industry = rng.pick(INDUSTRIES);
                let suffix = COMPANY_SUFFIXES[rng.weighted(&COMPANY_SUFFIXES.iter().map(|s| s.1).collect::<Vec<_>>())].0;
                let name = match rng.below(3) {
                    0 => format!("{brand}{industry}{suffix}"),
                    1 if suffix.starts_with('集') => format!("{brand}{suffix}"),
                    _ => format!("{city}{brand}{industry}{suffix}"),
                };
                let short = if rng.chance(500) { format!("{brand}{}", first_chars(industry, 1)) } else { brand };
                Org { name, short }
            }
            // 山东大学, 青岛理工大学
            1 => {
                let kind = rng.pick(UNIVERSITY_KINDS);
                let place = if rng.chance(300) { rng.pick(PROVINCES) } else { city };
                let name = format!("{place}{kind}");
                let short = format!("{}{}", first_chars(place, 1), first_chars(kind, 1));
                Org { name, short }
            }
            // 青岛市第一人民医院
            2 => {
                let kind = rng.pick(HOSPITAL_KINDS);
                let name = format!("{city}{kind}");
                let short = first_chars(&name, 2) + first_chars(kind.trim_start_matches('市'), 2).as_str();
                Org { name, short }
            }
            // 中国科学院青岛海洋研究所, 青岛海洋研究院
            3 => {
                let field = rng.pick(FIELDS);
                let name = match rng.below(4) {
                    0 => format!("中国科学院{city}{field}研究所"),
                    1 => format!("国家{field}工程技术研究中心"),
                    2 => format!("{city}{field}研究院"),
                    _ => format!("{}{field}研究院", self.brand(dict, rng)),
                };
                let short = format!("{}{}所", first_chars(city, 1), first_chars(field, 1));
                Org { name, short }
            }
            // 青岛市市场监督管理局
            4 => {
                let bureau = rng.pick(BUREAUS);
                Org { name: format!("{city}市{bureau}"), short: format!("市{}", first_chars(bureau, 2)) }
            }
            // 青岛市海洋产业协会
            5 => {
                let field = rng.pick(INDUSTRIES);
                let kind = rng.pick(ASSOCIATIONS);
                Org { name: format!("{city}市{field}{kind}"), short: format!("{field}{kind}") }
            }
            // 青岛银行
            6 => {
                let name = if rng.chance(500) { format!("{city}银行") } else { format!("{}银行", self.brand(dict, rng)) };
                let short = name.clone();
                Org { name, short }
            }
            // 华大生命科学研究院
            _ => {
                let brand = self.brand(dict, rng);
                let field = rng.pick(FIELDS);
                Org { name: format!("{brand}{field}研究院"), short: format!("{brand}研究院") }
            }
        }
    }
}

fn first_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// A code like BG136, C919, MGI2000, G20, ZX-35.
fn fresh_code(rng: &mut Rng) -> String {
    let upper = |rng: &mut Rng| (b'A' + rng.below(26) as u8) as char;
    let mut s = String::new();
    let letters = [1, 2, 2, 2, 3, 3][rng.index(6)];
    for _ in 0..letters {
        s.push(upper(rng));
    }
    if rng.chance(120) {
        s.push('-');
    }
    let digits = [2, 3, 3, 3, 4][rng.index(5)];
    s.push((b'1' + rng.below(9) as u8) as char);
    for _ in 1..digits {
        s.push((b'0' + rng.below(10) as u8) as char);
    }
    s
}
