//! Sentences, headlines, bylines: text made of dictionary words put in
//! part-of-speech patterns.
//!
//! A pattern (a *template*) is a line of space-separated tokens: an upper
//! case token is a slot (`N` a noun, `V` a verb, `PLACE` a place name, `PCT`
//! a percentage …, see [`slot`]), anything else is written as is (`的`,
//! `在`, `，`); `a|b` is one of the alternatives, a trailing `?` makes the
//! token optional (half the time). A sentence is one to five patterns joined
//! by commas (now and then a semicolon or a colon), closed by 。 (or ？ ！
//! ……); a sixth of them are quotes (`“…。”王五说。`). Words come from
//! jieba's dictionary by frequency within their tag, so the text has a real
//! head (的, 在, 发展) and a long tail; there is no grammar beyond the
//! patterns.

use crate::date::Date;
use crate::dict::{Class, Dict};
use crate::names::Names;
use crate::rng::{Rng, Weighted};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Word(Class),
    /// A verb: a news verb or `v`, sometimes with an adverb before it.
    Verb,
    /// A noun: the article's topic now and then, else `n`, `vn`, `an`, `nz`.
    Noun,
    /// One or two nouns, sometimes with a modifier (`A 的 N`).
    Nouns,
    /// One of the article's topic nouns.
    Topic,
    Place,
    Org,
    Person,
    /// A person with a position (`华大集团执行董事徐讯`).
    Titled,
    /// A count (`178个`, `30余家`, `三项`).
    Count,
    /// A percentage (`5.4%`, `5.4个百分点`).
    Pct,
    /// An amount of money (`1.2亿元`).
    Amount,
    /// A year (`2019年`).
    Year,
    /// A date or period (`3月4日`, `2023年11月`, `上半年`).
    When,
    /// A Latin token or code (`GDP`, `BG136`).
    Latin,
}

fn slot(token: &str) -> Option<Slot> {
    Some(match token {
        "N" => Slot::Noun,
        "NN" => Slot::Nouns,
        "TOPIC" => Slot::Topic,
        "V" => Slot::Verb,
        "VN" => Slot::Word(Class::Vn),
        "A" => Slot::Word(Class::A),
        "AD" => Slot::Word(Class::Ad),
        "AN" => Slot::Word(Class::An),
        "D" => Slot::Word(Class::D),
        "P" => Slot::Word(Class::P),
        "C" => Slot::Word(Class::C),
        "F" => Slot::Word(Class::F),
        "T" => Slot::Word(Class::T),
        "S" => Slot::Word(Class::S),
        "NT" => Slot::Word(Class::Nt),
        "NZ" => Slot::Word(Class::Nz),
        "B" => Slot::Word(Class::B),
        "I" => Slot::Word(Class::I),
        "L" => Slot::Word(Class::L),
        "R" => Slot::Word(Class::R),
        "J" => Slot::Word(Class::J),
        "PLACE" => Slot::Place,
        "ORG" => Slot::Org,
        "PER" => Slot::Person,
        "TITLED" => Slot::Titled,
        "COUNT" => Slot::Count,
        "PCT" => Slot::Pct,
        "AMT" => Slot::Amount,
        "YEAR" => Slot::Year,
        "WHEN" => Slot::When,
        "LAT" => Slot::Latin,
        _ => return None,
    })
}

#[derive(Debug, Clone)]
enum Tok {
    Slot(Slot),
    Lit(&'static str),
    Alt(Vec<&'static str>),
    Opt(Box<Tok>),
}

type Template = Vec<Tok>;

fn parse(template: &'static str) -> Template {
    template
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(|t| {
            let (t, optional) = match t.strip_suffix('?') {
                Some(rest) if !rest.is_empty() => (rest, true),
                _ => (t, false),
            };
            let tok = if let Some(s) = slot(t) {
                Tok::Slot(s)
            } else if t.contains('|') {
                Tok::Alt(t.split('|').collect())
            } else {
                Tok::Lit(t)
            };
            if optional {
                Tok::Opt(Box::new(tok))
            } else {
                tok
            }
        })
        .collect()
}

/// Clause patterns of the body text.
const BODY: &[&str] = &[
    "PLACE N V A 的 NN",
    "ORG V NN ， V VN",
    "NN D V",
    "T ， PLACE V VN NN",
    "在 NN F ， R D V N",
    "V NN 和 NN",
    "ORG 与 ORG 签署|达成|开展 VN 协议|合作|项目",
    "截至 WHEN ， PLACE 已 V NN COUNT",
    "N 同比 增长|下降|提高 PCT",
    "NN 达到|超过|突破|累计 AMT",
    "P NN V A 的 N",
    "R V NN ， D V A",
    "I ， NN V N",
    "L ， R V NN",
    "S 的 NN D V",
    "B NN 的 VN V A",
    "据 N 统计|介绍|了解 ， NN V COUNT",
    "LAT NN V N",
    "PLACE ORG V NN",
    "TITLED 表示|介绍|指出|认为 ， NN V VN",
    "PER V 了 N 的 VN",
    "A 的 N 为 NN V 了 N",
    "D V NN 、 NN 和 NN",
    "把 NN V 为 A 的 N",
    "对 NN 进行|开展|加强 VN",
    "通过 VN NN ， V NN",
    "围绕|聚焦|立足 NN ， V VN",
    "YEAR ， PLACE V COUNT NN",
    "NN 的 VN 和 VN",
    "V 了 COUNT NN",
    "AD V NN",
    "进一步 V NN 的 VN",
    "NN 是 NN 的 A N",
    "为 NN V 了 A 的 N",
    "NN V NZ N",
    "NT V NN",
    "J V NN",
    "全年|全市|全省|全国 V NN COUNT",
    "其中 ， NN V PCT",
    "NN V AN",
    "ORG V 的 NN V NN",
    "在 PLACE ， NN D V",
    "C NN V A",
    "NN 已 成为 PLACE 的 NN",
    "从 NN 到 NN ， R V NN",
    "以 NN 为 N ， V NN",
    "随着 NN 的 VN ， NN V",
    "NN 占 NN 的 PCT",
    "R D V NN",
    "NN 的 AN 和 VN",
    "V A NN ， V A NN",
    "PLACE 共 有 COUNT ， 比 YEAR 增加 COUNT",
    "实现 NN 收入|产值|营收 AMT ， 同比 增长 PCT",
    "TOPIC V 了 NN",
    "TOPIC 的 VN V",
    "V TOPIC 的 A NN",
    "PLACE TOPIC V A",
    "NN 和 NN 的 VN D V",
    "NN V 在 S",
    "NN 的 LAT V",
    "由 ORG V 的 NN",
    "N 已 V COUNT ， 覆盖 PLACE 等 COUNT",
    "D V N 、 VN 、 N 等 NN",
    "VN 离不开 NN 的 VN",
    "将 NN V 到 NN",
    "NN V 、 V 、 V",
    "WHEN ， ORG V NN",
    "让 NN V A",
    "NN 的 N V A",
];

/// Headline patterns (no closing punctuation).
const HEAD: &[&str] = &[
    "PLACE V A NN",
    "V NN ， V NN",
    "ORG V NN",
    "NN V A NN",
    "PLACE ： NN V NN",
    "TOPIC V “ N ”",
    "A NN V TOPIC",
    "I ， TOPIC V",
    "PLACE TOPIC V COUNT",
    "V A TOPIC _ V A NN",
    "让 TOPIC V A",
    "TOPIC 迎来 A N",
    "PLACE V TOPIC VN",
    "YEAR PLACE TOPIC 增长 PCT",
    "“ N ” V TOPIC",
    "TOPIC ： V NN V N",
    "V TOPIC 新 N",
    "PLACE 打造 TOPIC N",
    "NN 的 A N",
    "LAT TOPIC V A",
];

/// Verbs of news writing, most common first: a quarter of the verb slots
/// take one (Zipf-weighted), the rest come from the dictionary. Without them
/// the dictionary's general-language frequencies (它们 from novels as much as
/// from newspapers) would miss the register.
const NEWS_VERBS: &[&str] = &[
    "推进", "推动", "加快", "实现", "打造", "提升", "加强", "建设", "开展", "完善", "促进", "支持", "落实", "深化", "坚持",
    "引导", "培育", "发展", "服务", "保障", "带动", "建立", "构建", "形成", "发挥", "聚焦", "围绕", "突破", "创新", "优化",
    "提高", "扩大", "增强", "强化", "布局", "引进", "签约", "开工", "投产", "举办", "启动", "发布", "召开", "参加", "组织",
    "部署", "推广", "探索", "融合", "助力", "赋能", "拓展", "升级", "转型", "整合", "集聚", "孵化", "落地", "建成", "投用",
    "入选", "获批", "承办", "出台", "印发", "实施", "推出", "申报", "认定", "覆盖", "惠及", "谋划", "调研", "走访", "考察",
    "对接", "洽谈", "合作", "共建", "揭牌", "成立", "上线", "开通", "运营", "交付", "完成", "达成", "领跑", "壮大", "增收",
];

/// Nouns of news writing, most common first (a fifth of the noun slots).
const NEWS_NOUNS: &[&str] = &[
    "产业", "企业", "项目", "发展", "经济", "技术", "创新", "市场", "服务", "平台", "园区", "政策", "工作", "建设", "改革",
    "城市", "农村", "群众", "社会", "文化", "教育", "医疗", "健康", "安全", "环境", "生态", "资源", "能源", "数据", "人才",
    "资金", "投资", "产品", "质量", "标准", "体系", "机制", "能力", "水平", "领域", "行业", "集群", "链条", "要素", "基地",
    "中心", "载体", "示范", "试点", "高地", "格局", "动能", "引擎", "模式", "品牌", "科技", "研发", "成果", "转化", "应用",
    "场景", "数字", "智能", "制造", "海洋", "生物", "医药", "基因", "细胞", "新能源", "消费", "就业", "民生", "乡村", "振兴",
    "治理", "营商环境", "高质量发展", "产业链", "供应链", "创新链", "新赛道", "未来产业", "实体经济", "基础设施", "公共服务",
    "社区", "居民", "游客", "学生", "患者", "农民", "市民", "专家", "团队", "队伍", "干部", "党员", "志愿者", "部门", "单位",
    "机构", "高校", "医院", "学校", "街道", "乡镇", "景区", "港口", "码头", "工厂", "车间", "生产线", "设备", "系统", "网络",
    "工程", "道路", "交通", "物流", "金融", "资本", "贸易", "出口", "进口", "订单", "收入", "产值", "营收", "利润", "税收",
    "规模", "总量", "速度", "效率", "效益", "成本", "价格", "需求", "供给", "政府", "试验区", "自贸区", "开发区", "新区",
    "高新区", "合作区",
];

/// Measure words for counts, with weights.
const MEASURES: &[(&str, u32)] = &[
    ("个", 30), ("家", 16), ("项", 12), ("名", 10), ("位", 6), ("人", 10), ("台", 5), ("件", 6), ("亩", 4), ("平方米", 4),
    ("公里", 4), ("吨", 5), ("辆", 3), ("套", 3), ("所", 3), ("条", 6), ("份", 4), ("次", 6), ("场", 5), ("批", 3),
    ("例", 4), ("篇", 3), ("支", 2), ("种", 4), ("座", 3), ("处", 4), ("户", 4), ("人次", 4), ("天", 4), ("年", 5),
    ("小时", 3), ("届", 2), ("所学校", 1), ("个村", 1), ("个项目", 3), ("家企业", 3),
];

const POSITIONS: &[&str] = &[
    "董事长", "总经理", "院长", "所长", "主任", "局长", "副局长", "党委书记", "负责人", "总工程师", "首席科学家", "执行董事", "总裁",
    "副总裁", "秘书长", "处长", "部长", "经理", "校长", "副校长", "主任医师", "副主任",
];

const ACADEMIC: &[&str] = &["教授", "研究员", "博士", "院士", "副教授", "高级工程师"];

const SAY: &[&str] = &["说", "表示", "介绍", "指出", "认为", "坦言", "告诉记者"];

const LEADS: &[&str] = &["近日", "日前", "今年以来", "近年来", "连日来", "目前", "记者从 ORG 获悉", "WHEN", "T", "据 ORG 消息"];

/// Simplified characters that a page sometimes prints in traditional form
/// (each maps back one to one).
pub const TRADITIONAL: &[(char, char)] = &[
    ('国', '國'), ('发', '發'), ('会', '會'), ('为', '為'), ('说', '說'), ('们', '們'), ('来', '來'), ('对', '對'),
    ('动', '動'), ('进', '進'), ('时', '時'), ('实', '實'), ('这', '這'), ('业', '業'), ('学', '學'), ('经', '經'),
    ('东', '東'), ('产', '產'), ('门', '門'), ('长', '長'), ('开', '開'), ('电', '電'), ('车', '車'), ('书', '書'),
    ('华', '華'), ('创', '創'), ('区', '區'), ('马', '馬'), ('见', '見'), ('观', '觀'), ('钱', '錢'), ('银', '銀'),
    ('问', '問'), ('间', '間'), ('关', '關'), ('阳', '陽'), ('乐', '樂'), ('听', '聽'), ('语', '語'), ('读', '讀'),
    ('应', '應'), ('个', '個'), ('过', '過'), ('还', '還'), ('运', '運'), ('远', '遠'), ('选', '選'), ('边', '邊'),
    ('级', '級'), ('线', '線'), ('组', '組'), ('结', '結'), ('给', '給'), ('统', '統'), ('网', '網'), ('总', '總'),
    ('岁', '歲'), ('与', '與'), ('专', '專'), ('举', '舉'), ('义', '義'), ('亚', '亞'), ('亲', '親'), ('亿', '億'),
    ('从', '從'), ('价', '價'), ('众', '眾'), ('优', '優'), ('传', '傳'), ('体', '體'), ('园', '園'), ('图', '圖'),
    ('场', '場'), ('报', '報'), ('营', '營'), ('术', '術'), ('议', '議'), ('农', '農'), ('医', '醫'), ('药', '藥'),
    ('卫', '衛'), ('质', '質'), ('资', '資'), ('费', '費'), ('贸', '貿'), ('环', '環'), ('现', '現'), ('务', '務'),
    ('计', '計'), ('设', '設'), ('证', '證'), ('试', '試'), ('识', '識'), ('调', '調'), ('请', '請'), ('论', '論'),
];

/// Drops the spaces a Latin token may leave before a punctuation mark or at
/// either end of a line.
pub fn tidy(s: &mut String) {
    if !s.contains(' ') {
        return;
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let next = chars.get(i + 1).copied();
            let at_end = next.is_none() || out.is_empty();
            let before_mark = next.is_some_and(|n| !n.is_alphanumeric() && !crate::dict::is_han(n));
            if at_end || before_mark || out.ends_with(' ') {
                continue;
            }
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    *s = out;
}

/// The traditional form of a character, if the generator ever prints one.
pub fn traditional(c: char) -> Option<char> {
    TRADITIONAL.iter().find(|(s, _)| *s == c).map(|&(_, t)| t)
}

/// Marks that end a clause.
fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '、' | '？' | '！' | '—')
}

/// Everything the text is made from, built once per seed.
#[derive(Debug, Clone)]
pub struct World {
    pub dict: Dict,
    pub names: Names,
    body: Vec<Template>,
    /// Patterns with a number weigh half: numbers are 3% of real text.
    body_w: Weighted,
    head: Vec<Template>,
    leads: Vec<Template>,
    measures: Weighted,
    news_verbs: Weighted,
    news_nouns: Weighted,
    /// Per char: 0, or the 1-based index into TRADITIONAL (Han URO only).
    trad_index: Vec<u8>,
}

impl World {
    pub fn new(seed: u64) -> World {
        let dict = Dict::load();
        let mut rng = Rng::new(crate::rng::mix(&[seed, 0x6e61_6d65]));
        let names = Names::new(&dict, &mut rng);
        let mut trad_index = vec![0u8; 0xA000 - 0x4E00];
        for (i, (s, _)) in TRADITIONAL.iter().enumerate() {
            trad_index[*s as usize - 0x4E00] = (i + 1) as u8;
        }
        World {
            dict,
            names,
            body: BODY.iter().map(|t| parse(t)).collect(),
            body_w: Weighted::new(BODY.iter().map(|t| {
                let numeric = ["COUNT", "PCT", "AMT", "YEAR", "WHEN"].iter().any(|n| t.split(' ').any(|w| w == *n));
                if numeric {
                    1
                } else {
                    2
                }
            })),
            head: HEAD.iter().map(|t| parse(t)).collect(),
            leads: LEADS.iter().map(|t| parse(t)).collect(),
            measures: Weighted::new(MEASURES.iter().map(|m| m.1 as u64)),
            news_verbs: Weighted::zipf_from(NEWS_VERBS.len(), 4),
            news_nouns: Weighted::zipf_from(NEWS_NOUNS.len(), 4),
            trad_index,
        }
    }
}

/// Who and what one article is about: drawn once, met again and again in
/// its text, the way a real article repeats its names and key words.
#[derive(Debug, Clone)]
pub struct Cast {
    pub date: Date,
    pub home: &'static str,
    pub places: Vec<&'static str>,
    pub orgs: Vec<usize>,
    /// Whether the org was named in full already.
    named: Vec<bool>,
    pub people: Vec<String>,
    pub topics: Vec<&'static str>,
}

impl Cast {
    pub fn new(world: &World, home: &'static str, date: Date, rng: &mut Rng) -> Cast {
        let n = &world.names;
        let mut places = Vec::new();
        if rng.chance(450) {
            places.push(home);
        }
        for _ in 0..rng.range(1, 3) {
            places.push(n.place(rng));
        }
        let orgs: Vec<usize> = (0..rng.range(1, 3)).map(|_| n.org(rng)).collect();
        let people = (0..rng.range(1, 4))
            .map(|_| if rng.chance(300) { n.fresh_person(rng) } else { n.person(rng).to_string() })
            .collect();
        // Topic words: news nouns, or the more frequent of two nouns drawn
        // from the dictionary (a topic is rarely a rare word).
        let topics = (0..rng.range(3, 6))
            .map(|_| {
                if rng.chance(400) {
                    return NEWS_NOUNS[world.news_nouns.draw(rng)];
                }
                loop {
                    let class = match rng.below(10) {
                        0..=6 => Class::N,
                        7 | 8 => Class::Vn,
                        _ => Class::Nz,
                    };
                    let words = world.dict.class(class);
                    let (a, b) = (words.draw_index(rng), words.draw_index(rng));
                    let w = words.words[if words.freqs[a] >= words.freqs[b] { a } else { b }];
                    if w.chars().count() >= 2 {
                        break w;
                    }
                }
            })
            .collect();
        let named = vec![false; orgs.len()];
        Cast { date, home, places, orgs, named, people, topics }
    }
}

/// Text writer for one article.
pub struct Writer<'a> {
    pub world: &'a World,
    pub rng: &'a mut Rng,
    pub cast: &'a mut Cast,
    /// Chance (per mille) that a noun slot takes a topic word.
    topic_rate: u64,
    /// Writing a headline: no parenthesized notes.
    heading: bool,
}

fn digits(n: u64, out: &mut String) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

/// A number rounded to two significant digits (12000, 3600, 72).
fn round2(n: u64) -> u64 {
    let mut p = 1;
    while n / p >= 100 {
        p *= 10;
    }
    n / p * p
}

/// Full-width form of ASCII digits, letters and `.%-`.
pub fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_graphic() { char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c) } else { c })
        .collect()
}

const CN_DIGITS: [&str; 11] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// Chinese numeral for 1..=99 (十一, 二十三).
pub fn chinese_number(n: u32) -> String {
    match n {
        0..=10 => CN_DIGITS[n as usize].to_string(),
        11..=19 => format!("十{}", CN_DIGITS[(n % 10) as usize]),
        _ if n.is_multiple_of(10) => format!("{}十", CN_DIGITS[(n / 10) as usize]),
        _ => format!("{}十{}", CN_DIGITS[(n / 10) as usize], CN_DIGITS[(n % 10) as usize]),
    }
}

impl<'a> Writer<'a> {
    pub fn new(world: &'a World, rng: &'a mut Rng, cast: &'a mut Cast) -> Writer<'a> {
        Writer { world, rng, cast, topic_rate: 70, heading: false }
    }

    fn dict(&self) -> &'a Dict {
        &self.world.dict
    }

    fn names(&self) -> &'a Names {
        &self.world.names
    }

    fn expand(&mut self, t: &[Tok], out: &mut String) {
        for tok in t {
            self.tok(tok, out);
        }
    }

    fn tok(&mut self, tok: &Tok, out: &mut String) {
        match tok {
            Tok::Lit("_") => out.push(' '),
            Tok::Lit(s) => out.push_str(s),
            Tok::Alt(alts) => out.push_str(self.rng.pick(alts)),
            Tok::Opt(inner) => {
                if self.rng.chance(500) {
                    self.tok(inner, out)
                }
            }
            Tok::Slot(s) => self.slot(*s, out),
        }
    }

    fn slot(&mut self, s: Slot, out: &mut String) {
        match s {
            Slot::Word(c) => out.push_str(self.dict().draw(c, self.rng)),
            Slot::Verb => self.verb(out),
            Slot::Noun => self.noun(out),
            Slot::Nouns => self.nouns(out),
            Slot::Topic => out.push_str(self.topic()),
            Slot::Place => out.push_str(self.place()),
            Slot::Org => self.org(out),
            Slot::Person => {
                let p = self.person();
                out.push_str(&p)
            }
            Slot::Titled => self.titled(out),
            Slot::Count => self.count(out),
            Slot::Pct => self.pct(out),
            Slot::Amount => self.amount(out),
            Slot::Year => self.year(out),
            Slot::When => self.when(out),
            Slot::Latin => self.latin(out),
        }
    }

    fn verb(&mut self, out: &mut String) {
        match self.rng.below(100) {
            0..=9 => out.push_str(self.dict().draw(Class::Ad, self.rng)),
            10..=19 => out.push_str(self.dict().draw(Class::D, self.rng)),
            _ => {}
        }
        if self.rng.chance(280) {
            out.push_str(NEWS_VERBS[self.world.news_verbs.draw(self.rng)]);
        } else {
            out.push_str(self.dict().draw(Class::V, self.rng));
        }
    }

    fn topic(&mut self) -> &'static str {
        self.rng.pick(&self.cast.topics)
    }

    fn plain_noun(&mut self) -> &'static str {
        if self.rng.chance(self.topic_rate) {
            return self.topic();
        }
        if self.rng.chance(200) {
            return NEWS_NOUNS[self.world.news_nouns.draw(self.rng)];
        }
        let class = match self.rng.below(100) {
            0..=79 => Class::N,
            80..=91 => Class::Vn,
            92..=94 => Class::An,
            _ => Class::Nz,
        };
        self.dict().draw(class, self.rng)
    }

    fn noun(&mut self, out: &mut String) {
        match self.rng.below(1000) {
            // “零”的突破: a word in quotation marks.
            0..=44 => {
                out.push('“');
                out.push_str(self.plain_noun());
                out.push('”');
            }
            // A list: 基因、细胞、生物医药
            45..=84 => {
                let n = self.rng.range(2, 5);
                for i in 0..n {
                    if i > 0 {
                        out.push('、');
                    }
                    out.push_str(self.plain_noun());
                }
                if self.rng.chance(400) {
                    out.push('等');
                }
            }
            // 《青岛市未来产业发展实施方案》, 《细胞》
            85..=99 => self.title_of_work(out),
            _ => out.push_str(self.plain_noun()),
        }
    }

    fn title_of_work(&mut self, out: &mut String) {
        out.push('《');
        if self.rng.chance(300) {
            out.push_str(self.dict().draw(Class::Nz, self.rng));
        } else {
            if self.rng.chance(500) {
                out.push_str(self.place());
            }
            out.push_str(self.plain_noun());
            if self.rng.chance(500) {
                out.push_str(self.dict().draw(Class::Vn, self.rng));
            }
            out.push_str(self.rng.pick(&["实施方案", "行动计划", "规划", "报告", "若干措施", "管理办法", "条例", "白皮书", "意见"]));
        }
        out.push('》');
    }

    /// A noun phrase: a noun, a compound, or a noun with a modifier
    /// (大型的设备, 企业的研发能力, 青岛海洋产业).
    fn nouns(&mut self, out: &mut String) {
        match self.rng.below(100) {
            0..=21 => self.noun(out),
            22..=51 => {
                out.push_str(self.plain_noun());
                self.noun(out);
            }
            52..=61 => {
                out.push_str(self.dict().draw(Class::A, self.rng));
                out.push('的');
                out.push_str(self.plain_noun());
                self.noun(out);
            }
            62..=73 => {
                out.push_str(self.plain_noun());
                out.push('的');
                out.push_str(self.plain_noun());
                self.noun(out);
            }
            74..=83 => {
                self.verb(out);
                out.push('的');
                self.noun(out);
            }
            84..=91 => {
                out.push_str(self.place());
                out.push_str(self.plain_noun());
                self.noun(out);
            }
            _ => {
                out.push_str(self.dict().draw(Class::B, self.rng));
                out.push_str(self.plain_noun());
                self.noun(out);
            }
        }
    }

    fn place(&mut self) -> &'static str {
        if self.rng.chance(550) {
            self.rng.pick(&self.cast.places)
        } else {
            self.names().place(self.rng)
        }
    }

    fn org(&mut self, out: &mut String) {
        let names = self.names();
        if self.rng.chance(550) {
            let i = self.rng.index(self.cast.orgs.len());
            let org = &names.orgs[self.cast.orgs[i]];
            if !self.cast.named[i] {
                self.cast.named[i] = true;
                out.push_str(&org.name);
                if org.short != org.name && !self.heading && self.rng.chance(150) {
                    out.push_str("（以下简称“");
                    out.push_str(&org.short);
                    out.push_str("”）");
                }
            } else if self.rng.chance(350) {
                out.push_str(&org.short);
            } else {
                out.push_str(&org.name);
            }
        } else {
            let i = names.org(self.rng);
            out.push_str(&names.orgs[i].name);
        }
    }

    pub fn person(&mut self) -> String {
        match self.rng.below(100) {
            0..=59 => self.rng.pick_ref(&self.cast.people).clone(),
            60..=84 => self.names().person(self.rng).to_string(),
            _ => self.names().fresh_person(self.rng),
        }
    }

    fn titled(&mut self, out: &mut String) {
        match self.rng.below(10) {
            0..=5 => {
                self.org(out);
                out.push_str(self.rng.pick(POSITIONS));
                out.push_str(&self.person());
            }
            6 | 7 => {
                out.push_str(&self.person());
                out.push_str(self.rng.pick(ACADEMIC));
            }
            _ => {
                if self.rng.chance(500) {
                    out.push_str(self.rng.pick(&["副市长", "市长", "区长", "副区长", "县长", "镇党委书记", "村党支部书记"]));
                } else {
                    out.push_str(self.rng.pick(POSITIONS));
                }
                out.push_str(&self.person());
            }
        }
    }

    /// Numbers are printed in full-width digits about once in 250.
    fn number_text(&mut self, s: String, out: &mut String) {
        if self.rng.chance(4) {
            out.push_str(&full_width(&s));
        } else {
            out.push_str(&s);
        }
    }

    fn decimal(&mut self, lo: u64, hi: u64) -> String {
        let mut s = String::new();
        digits(self.rng.range(lo, hi), &mut s);
        s.push('.');
        if self.rng.chance(200) {
            digits(self.rng.range(10, 99), &mut s);
        } else {
            digits(self.rng.range(1, 9), &mut s);
        }
        s
    }

    fn count(&mut self, out: &mut String) {
        let q = MEASURES[self.world.measures.draw(self.rng)].0;
        let prefix = match self.rng.below(100) {
            0..=4 => "近",
            5..=8 => "超",
            9..=11 => "约",
            12..=13 => "逾",
            _ => "",
        };
        out.push_str(prefix);
        let mut s = String::new();
        match self.rng.weighted(&[40, 26, 14, 8, 12]) {
            0 => digits(self.rng.range(1, 30), &mut s),
            1 => digits(self.rng.range(30, 999), &mut s),
            2 => {
                let n = self.rng.range(1000, 99_999);
                digits(if self.rng.chance(600) { round2(n) } else { n }, &mut s)
            }
            3 => {
                if self.rng.chance(500) {
                    s = self.decimal(1, 99);
                } else {
                    digits(self.rng.range(1, 999), &mut s);
                }
                s.push('万');
            }
            _ => {
                let cn = ["两", "三", "四", "五", "六", "七", "八", "九", "十", "几", "数", "十几"];
                out.push_str(self.rng.pick(&cn));
                out.push_str(q);
                return;
            }
        }
        if prefix.is_empty() && self.rng.chance(120) {
            s.push(if self.rng.chance(500) { '余' } else { '多' });
        }
        self.number_text(s, out);
        out.push_str(q);
    }

    fn pct(&mut self, out: &mut String) {
        let s = match self.rng.weighted(&[50, 25, 15, 10]) {
            0 => self.decimal(0, 60) + "%",
            1 => {
                let mut s = String::new();
                digits(self.rng.range(1, 100), &mut s);
                s + "%"
            }
            2 => self.decimal(0, 9) + "个百分点",
            _ => {
                let mut s = String::new();
                digits(self.rng.range(5, 95), &mut s);
                s + "%以上"
            }
        };
        self.number_text(s, out);
    }

    fn amount(&mut self, out: &mut String) {
        let mut s = String::new();
        let unit = match self.rng.weighted(&[30, 28, 14, 12, 8, 5, 3]) {
            0 => {
                digits(round2(self.rng.range(10, 9_999)), &mut s);
                "万元"
            }
            1 => {
                s = self.decimal(1, 999);
                "亿元"
            }
            2 => {
                digits(self.rng.range(1, 999), &mut s);
                "亿元"
            }
            3 => {
                digits(round2(self.rng.range(100, 99_999)), &mut s);
                "元"
            }
            4 => {
                s = self.decimal(1, 500);
                "亿美元"
            }
            5 => {
                s = self.decimal(1, 30);
                "万亿元"
            }
            _ => {
                digits(self.rng.range(2, 20), &mut s);
                "亿元以上"
            }
        };
        self.number_text(s, out);
        out.push_str(unit);
    }

    fn a_year(&mut self) -> i32 {
        let y = self.cast.date.year;
        match self.rng.below(100) {
            0..=44 => y,
            45..=64 => y - 1,
            65..=74 => y - self.rng.range(2, 6) as i32,
            75..=84 => self.rng.pick(&[1949, 1978, 1992, 2001, 2008, 2012, 2015, 2016, 2017, 2018]),
            _ => self.rng.pick(&[2025, 2025, 2027, 2030, 2030, 2035, 2050]).max(y + 1),
        }
    }

    fn year(&mut self, out: &mut String) {
        let y = self.a_year();
        let mut s = String::new();
        if self.rng.chance(80) {
            digits(y as u64, &mut s);
            s.push('—');
            digits((y + self.rng.range(1, 4) as i32) as u64, &mut s);
        } else {
            digits(y as u64, &mut s);
        }
        s.push('年');
        self.number_text(s, out);
    }

    fn when(&mut self, out: &mut String) {
        let d = self.cast.date.add_days(-(self.rng.range(0, 90) as i64));
        let mut s = String::new();
        match self.rng.weighted(&[44, 18, 8, 10, 10, 10]) {
            0 => {
                digits(d.month as u64, &mut s);
                s.push('月');
                digits(d.day as u64, &mut s);
                s.push('日');
            }
            1 => {
                digits(self.a_year() as u64, &mut s);
                s.push('年');
                digits(self.rng.range(1, 12), &mut s);
                s.push('月');
            }
            2 => {
                digits(d.month as u64, &mut s);
                s.push('月');
                let day = d.day.min(20);
                digits(day as u64, &mut s);
                s.push('日');
                s.push('至');
                digits((day + self.rng.range(1, 8) as u32) as u64, &mut s);
                s.push('日');
            }
            3 => {
                out.push_str("今年");
                digits(self.rng.range(1, d.month.max(1) as u64), &mut s);
                s.push('月');
            }
            4 => {
                digits(d.month as u64, &mut s);
                s.push('月');
                s.push_str(self.rng.pick(&["上旬", "中旬", "下旬", "底", "初"]));
            }
            _ => {
                out.push_str(self.rng.pick(&["上半年", "下半年", "一季度", "前三季度", "去年底", "今年初", "去年同期"]));
                return;
            }
        }
        self.number_text(s, out);
    }

    fn latin(&mut self, out: &mut String) {
        let names = self.names();
        let s = if self.rng.chance(700) { names.latin(self.rng) } else { names.code(self.rng) };
        if self.rng.chance(8) {
            out.push_str(&full_width(s));
        } else {
            out.push_str(s);
        }
        // OCR and typesetting leave a space after a Latin token now and then.
        if self.rng.chance(40) {
            out.push(' ');
        }
    }

    fn template(&mut self, out: &mut String) {
        let world = self.world;
        let t = world.body_w.draw(self.rng);
        self.expand(&world.body[t], out);
    }

    /// One clause: a pattern, extended by more patterns (after a
    /// conjunction, now and then) until it holds the clause length drawn,
    /// 6–26 chars: news clauses run long.
    fn clause(&mut self, out: &mut String) {
        let want = self.rng.range(6, 26) as usize;
        self.template(out);
        for _ in 0..3 {
            let tail = out.chars().rev().take_while(|c| !is_clause_mark(*c)).count();
            if tail >= want {
                break;
            }
            // After a number or a Latin token a comma reads better than
            // running on.
            if out.chars().last().is_some_and(|c| !crate::dict::is_han(c) && !is_clause_mark(c)) {
                out.push('，');
            }
            match self.rng.below(10) {
                0..=2 => out.push_str(self.dict().draw(Class::C, self.rng)),
                3 => out.push_str(self.rng.pick(&["并", "进而", "从而", "同时"])),
                _ => {}
            }
            self.template(out);
        }
    }

    /// One to six clauses with their separators, no closing mark.
    fn clauses(&mut self, out: &mut String) {
        let n = 1 + self.rng.weighted(&[34, 36, 18, 8, 3, 1]);
        for i in 0..n {
            if i > 0 {
                match self.rng.below(1000) {
                    0..=54 => out.push('；'),
                    55..=74 if i == 1 => out.push('：'),
                    75..=84 => out.push_str("——"),
                    _ => out.push('，'),
                }
            }
            self.clause(out);
        }
    }

    fn close(&mut self, out: &mut String) {
        out.push(match self.rng.below(1000) {
            0..=19 => '？',
            20..=34 => '！',
            _ => '。',
        });
    }

    /// One sentence, closed.
    pub fn sentence(&mut self, out: &mut String) {
        match self.rng.below(1000) {
            // “……。”王五说。
            0..=59 => {
                out.push('“');
                self.clauses(out);
                self.close(out);
                out.push('”');
                out.push_str(&self.person());
                out.push_str(self.rng.pick(SAY));
                out.push('。');
            }
            // 王五表示：“……。”
            60..=109 => {
                if self.rng.chance(500) {
                    self.titled(out);
                } else {
                    out.push_str(&self.person());
                }
                out.push_str(self.rng.pick(SAY));
                out.push_str(if self.rng.chance(500) { "：“" } else { "，“" });
                self.clauses(out);
                self.close(out);
                out.push('”');
            }
            // A sentence cut short: ……
            110..=117 => {
                self.clauses(out);
                out.push_str("……");
            }
            _ => {
                self.clauses(out);
                self.close(out);
            }
        }
    }

    /// The first sentence of an article: often opens on a time or a source.
    pub fn lead(&mut self, out: &mut String) {
        if self.rng.chance(600) {
            let t = self.rng.index(self.world.leads.len());
            let world = self.world;
            self.expand(&world.leads[t], out);
            out.push('，');
        }
        self.clauses(out);
        self.close(out);
    }

    /// A paragraph of 2–8 sentences (fewer when `budget` chars run out).
    pub fn paragraph(&mut self, first: bool, budget: usize) -> String {
        let n = 2 + self.rng.weighted(&[46, 24, 12, 8, 5, 3, 2]);
        let mut p = String::new();
        for i in 0..n {
            if first && i == 0 {
                self.lead(&mut p);
            } else {
                self.sentence(&mut p);
            }
            if i >= 1 && p.chars().count() >= budget {
                break;
            }
        }
        p
    }

    /// A headline of 8–24 chars.
    pub fn headline(&mut self) -> String {
        self.topic_rate = 400;
        self.heading = true;
        let world = self.world;
        let mut best = String::new();
        for _ in 0..40 {
            let mut s = String::new();
            let t = self.rng.index(world.head.len());
            self.expand(&world.head[t], &mut s);
            if s.chars().count() < 8 {
                s.push(if self.rng.chance(700) { '，' } else { ' ' });
                let t = self.rng.index(world.head.len());
                self.expand(&world.head[t], &mut s);
            }
            let n = s.chars().count();
            if (8..=24).contains(&n) {
                best = s;
                break;
            }
            if best.is_empty() || n < best.chars().count() {
                best = s;
            }
        }
        self.topic_rate = 70;
        self.heading = false;
        if best.chars().count() > 24 {
            // Cut at the last comma or space that leaves 8 chars, else at 24.
            let chars: Vec<char> = best.chars().collect();
            let cut = (8..=24).rev().find(|&i| matches!(chars[i], '，' | ' ')).unwrap_or(24);
            best = chars[..cut].iter().collect();
            // A cut may leave a quotation or title mark open: drop the marks.
            let open = |a: char, b: char| best.matches(a).count() != best.matches(b).count();
            if open('“', '”') || open('《', '》') {
                best.retain(|c| !matches!(c, '“' | '”' | '《' | '》'));
            }
        }
        // Never end on a mark that opens or joins (a cut can leave one).
        while best.ends_with(['，', '、', '：', '“', '《', ' ', '（', '—']) {
            best.pop();
        }
        if best.chars().count() < 8 {
            best.push_str(self.dict().draw(Class::Vn, self.rng));
            best.push_str("新格局");
        }
        best
    }

    /// A kicker (引题): one to three clauses, 12–48 chars, sometimes with a
    /// closing dash.
    pub fn kicker(&mut self) -> String {
        self.heading = true;
        let s = self.kicker_text();
        self.heading = false;
        s
    }

    fn kicker_text(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..20 {
            s.clear();
            let n = self.rng.range(1, 3);
            for i in 0..n {
                if i > 0 {
                    s.push('，');
                }
                self.clause(&mut s);
            }
            if (12..=48).contains(&s.chars().count()) {
                break;
            }
        }
        match self.rng.below(10) {
            0..=2 => s.push_str("——"),
            3 => s.push_str("———"),
            _ => {}
        }
        s
    }

    /// A subtitle (副题), 10–36 chars, often opening with a dash.
    pub fn subtitle(&mut self) -> String {
        self.heading = true;
        let s = self.subtitle_text();
        self.heading = false;
        s
    }

    fn subtitle_text(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..20 {
            s.clear();
            if self.rng.chance(400) {
                s.push_str("——");
            }
            self.clause(&mut s);
            if self.rng.chance(400) {
                s.push('，');
                self.clause(&mut s);
            }
            if (10..=36).contains(&s.chars().count()) {
                break;
            }
        }
        s
    }

    /// A photo caption paragraph.
    pub fn caption(&mut self, reporter: &str) -> String {
        let mut s = String::new();
        let mark = self.rng.pick(&["■ ", "■", "▲ ", "图为"]).to_string();
        s.push_str(&mark);
        self.template(&mut s);
        s.push('。');
        match self.rng.below(10) {
            0..=4 => {
                s.push_str(&self.person());
                s.push_str(" 摄");
            }
            5..=6 => {
                s.push_str("本报记者 ");
                s.push_str(reporter);
                s.push_str(" 摄");
            }
            7 => s.push_str("（资料图片）"),
            8 => {
                self.org(&mut s);
                s.push_str("供图");
            }
            _ => {
                s.push_str("通讯员 ");
                s.push_str(&self.person());
                s.push_str(" 摄");
            }
        }
        s
    }

    /// Prints a few characters in traditional form (about one in 1,500 of
    /// the characters that have one), as pages sometimes do.
    pub fn sprinkle_traditional(&mut self, s: &mut String) {
        let index = &self.world.trad_index;
        if !s.chars().any(|c| (0x4E00..0xA000).contains(&(c as u32)) && index[c as usize - 0x4E00] != 0) {
            return;
        }
        let mut out = String::with_capacity(s.len());
        let mut changed = false;
        for c in s.chars() {
            let i = if (0x4E00..0xA000).contains(&(c as u32)) { index[c as usize - 0x4E00] } else { 0 };
            if i != 0 && self.rng.below(1500) == 0 {
                out.push(TRADITIONAL[i as usize - 1].1);
                changed = true;
            } else {
                out.push(c);
            }
        }
        if changed {
            *s = out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_parse_into_known_slots() {
        for t in BODY.iter().chain(HEAD).chain(LEADS) {
            for tok in t.split(' ').filter(|t| !t.is_empty()) {
                let bare = tok.trim_end_matches('?');
                let upper = bare.chars().all(|c| c.is_ascii_uppercase());
                assert!(!upper || slot(bare).is_some(), "unknown slot {bare} in {t:?}");
            }
        }
    }

    #[test]
    fn numerals_and_widths() {
        assert_eq!(chinese_number(7), "七");
        assert_eq!(chinese_number(12), "十二");
        assert_eq!(chinese_number(20), "二十");
        assert_eq!(chinese_number(16), "十六");
        assert_eq!(full_width("BG136 5.4%"), "ＢＧ１３６ ５．４％");
        assert_eq!(round2(12_345), 12_000);
        assert_eq!(round2(72), 72);
    }

    #[test]
    fn tidy_drops_stray_spaces() {
        let mut s = "COP15 大会 GDP 。DNA ".to_string();
        tidy(&mut s);
        assert_eq!(s, "COP15 大会 GDP。DNA");
        let mut s = " 5G 网络".to_string();
        tidy(&mut s);
        assert_eq!(s, "5G 网络");
    }
}
