//! The articles a reader sees on each seed page, and the lossless guarantee
//! for every seed file.

use std::path::PathBuf;
use xunyue_core::{Article, BlockKind, Corpus};
use xunyue_ingest::{check_lossless, ingest_page_with, ingest_with};
use xunyue_read::{Manifest, SeedFile};

fn seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// The seed folder through the real reader (decoding, manifest).
fn read() -> xunyue_read::Seeds {
    xunyue_read::read_seeds(&seeds_dir()).expect("seeds/ reads")
}

fn manifest() -> Manifest {
    read().manifest
}

fn seeds() -> Vec<SeedFile> {
    read().files
}

fn corpus() -> Corpus {
    ingest_with(&seeds(), &manifest()).expect("seeds ingest")
}

fn page<'a>(c: &'a Corpus, prefix: &str) -> Vec<&'a Article> {
    c.articles.iter().filter(|a| a.page.starts_with(prefix)).collect()
}

fn kinds(a: &Article, k: BlockKind) -> Vec<&str> {
    a.blocks.iter().filter(|b| b.kind == k).map(|b| b.text.as_str()).collect()
}

/// What a reader sees of one article.
struct Seen {
    title: &'static str,
    inferred: bool,
    byline: Option<&'static str>,
    authors: &'static [&'static str],
}

fn check_page(c: &Corpus, prefix: &str, want: &[Seen]) {
    let got = page(c, prefix);
    let titles: Vec<&str> = got.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(got.len(), want.len(), "articles of {prefix}: {titles:?}");
    for (n, (a, w)) in got.iter().zip(want).enumerate() {
        assert_eq!(a.id, format!("{}#{}", a.page, n + 1));
        assert_eq!(a.title, w.title, "title of {}", a.id);
        assert_eq!(a.title_inferred, w.inferred, "title_inferred of {}", a.id);
        assert_eq!(a.byline.as_deref(), w.byline, "byline of {}", a.id);
        assert_eq!(a.authors, w.authors, "authors of {}", a.id);
        assert!(a.date.is_none(), "{}: no date is known, none may be invented", a.id);
        // The searchable text starts with what the reader sees first.
        assert!(a.text().starts_with(a.blocks[0].text.as_str()));
    }
    let pg = c.pages.iter().find(|p| p.stem.starts_with(prefix)).expect("page");
    assert_eq!(pg.articles, got.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
}

const fn seen(
    title: &'static str,
    byline: Option<&'static str>,
    authors: &'static [&'static str],
) -> Seen {
    Seen { title, inferred: false, byline, authors }
}

#[test]
fn page_000_main_story_and_a_continuation() {
    let c = corpus();
    check_page(
        &c,
        "000_",
        &[
            seen("自贸热土崛起基因科技创新高地", Some("本报记者 刘腾"), &["刘腾"]),
            Seen { title: "自贸试验区首批“最佳实践案例”供全省复制借鉴", inferred: true, byline: None, authors: &[] },
        ],
    );
    let a = page(&c, "000_");
    // The headline comes after the body in the OCR; the reader sees it first.
    assert_eq!(a[0].blocks[0].kind, BlockKind::Kicker);
    assert_eq!(kinds(a[0], BlockKind::Headline), ["自贸热土崛起基因科技创新高地"]);
    assert_eq!(
        a[0].kicker.as_deref(),
        Some("◆全国首个基因科技产业发展共同体在青岛自贸片区揭牌 ◆青岛自贸片区已引进生命健康产业项目17个总投资60亿元")
    );
    assert_eq!(kinds(a[0], BlockKind::Caption), ["位于青岛自贸片区的青岛华大。□记者 刘腾 摄"]);
    assert_eq!(
        a[0].sections().collect::<Vec<_>>(),
        [">>整合资源<<", "打造基因科技创新中心", ">>全球领跑<<", "诸多领域实现“零”的突破", "集聚生命健康产业项目"]
    );
    // Each section holds its own column (manifest moves).
    let text = a[0].text();
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} not in the text"));
    assert!(at("打造基因科技创新中心") < at("早在2017年") && at("早在2017年") < at(">>全球领跑<<"));
    assert!(at("诸多领域实现") < at("一路耕耘") && at("一路耕耘") < at("集聚生命健康产业项目"));
    assert!(at("集聚生命健康产业项目") < at("展望未来"));
    // The column break inside a sentence is rejoined.
    assert!(text.contains("建成了全球领先的海洋基因库"));
    assert!(text.contains("取得了基因测序领域“卡脖子”问题的突破"));
    assert_eq!(a[1].continued_from.as_deref(), Some("第一版"));
    assert_eq!(a[1].blocks[0].kind, BlockKind::Continuation);
    assert!(a[1].text().contains("降低企业运作成本"));
}

#[test]
fn page_001_one_story_with_captions_and_a_box() {
    let c = corpus();
    check_page(
        &c,
        "001_",
        &[seen("打造创新策源地，基因与细胞产业发力“未来”", Some("青岛日报/观海新闻记者 耿婷婷"), &["耿婷婷"])],
    );
    let a = page(&c, "001_")[0];
    assert_eq!(a.source.as_deref(), Some("青岛日报"));
    assert!(a.kicker.as_deref().is_some_and(|k| k.starts_with("青岛抢抓机遇布局未来产业") && k.ends_with("——")));
    assert_eq!(a.captions().count(), 4);
    assert_eq!(kinds(a, BlockKind::ListItem).len(), 8);
    for s in ["顶层布局，青岛抢抓产业机遇", "“从0到1”，原始创新持续突破", "“从1到N”，产业培育厚积薄发", "“贴心”护航，培育未来产业增长极", "应用转化逐步落地"] {
        assert!(a.sections().any(|x| x == s), "section {s}");
    }
    // The paragraph cut by a caption is one paragraph again, caption apart.
    assert!(kinds(a, BlockKind::Paragraph).iter().any(|p| p.contains("“万种鱼类基因组计划”“海洋微生物基因组计划”等全球首次")));
    assert!(a.text().contains("基因治疗和细胞治疗药物"));
}

#[test]
fn page_002_one_story_reordered_by_the_manifest() {
    let c = corpus();
    check_page(&c, "002_", &[seen("做优产业生态，竞逐基因和细胞诊疗新赛道", Some("青岛日报/观海新闻记者 黄飞"), &["黄飞"])]);
    let a = page(&c, "002_")[0];
    assert_eq!(a.subtitle.as_deref(), Some("青岛印发有关方案，确定三年目标和六大重点任务，加快打造生命科学领域的未来产业增长极"));
    assert_eq!(a.kicker, None);
    assert_eq!(kinds(a, BlockKind::ListItem).len(), 11);
    assert_eq!(a.captions().count(), 4);
    let paras = kinds(a, BlockKind::Paragraph);
    // 「…核心技术和创新」 (line 104) + 「产品。」 (line 52): one sentence again.
    assert!(paras.iter().any(|p| p.ends_with("形成一批具有自主知识产权的核心技术和创新产品。")));
    assert!(paras.iter().any(|p| p.contains("山东省发展和改革委员会等13个部门")));
    assert!(!paras.contains(&"产品。"));
}

#[test]
fn page_003_front_page_lead_teasers_and_photos() {
    let c = corpus();
    check_page(
        &c,
        "003_",
        &[
            seen("聚链成势，奏响产业进阶“协奏曲”", Some("本报记者 刘腾"), &["刘腾"]),
            seen("新区今年将试点建设6处24小时城市智慧驿站", None, &[]),
            seen("六汪镇大力发展马铃薯订单种植，带动农民增收致富", None, &[]),
            seen("小驿站传递大温暖 小土豆变身金蛋蛋", None, &[]),
        ],
    );
    let a = page(&c, "003_");
    assert_eq!(a[0].continued_to.as_deref(), Some("第二版"));
    assert!(a[0].kicker.as_deref().is_some_and(|k| k.starts_with("青岛自贸片区坚持推动全产业链创新发展，以智能家电") && k.ends_with("———")));
    assert_eq!(
        a[0].sections().collect::<Vec<_>>(),
        ["智能家电优势产业提质扩容", "集成电路新兴产业持续壮大", "基因科技未来产业加速布局"]
    );
    assert!(a[0].text().contains("中德生态园管委副主任张云清说。"));
    assert_eq!(a[1].continued_to.as_deref(), Some("2版"));
    assert_eq!(a[1].subtitle.as_deref(), Some("可提供多种便民服务，目前已有3处建成投用"));
    assert_eq!(a[2].continued_to.as_deref(), Some("3版"));
    assert_eq!(kinds(a[1], BlockKind::Teaser), ["■2版"]);
    assert_eq!(
        a[3].captions().collect::<Vec<_>>(),
        ["智慧驿站可提供无人售卖、寄存、共享充电等多种便民服务。□记者 张静 摄", "在马铃薯种植基地内，工人将收获的土豆装袋打包。□记者 梁玉鹏 摄"]
    );
    let pg = c.pages.iter().find(|p| p.stem.starts_with("003_")).expect("page");
    assert_eq!((pg.label.as_deref(), pg.number), (Some("第一版"), Some(1)));
}

#[test]
fn page_004_three_stories_and_an_ad() {
    let c = corpus();
    check_page(
        &c,
        "004_",
        &[
            seen("青岛高新区高质量发展实体经济", Some("高欣"), &["高欣"]),
            seen("“相约春城发现多样高新”活动落幕", Some("本报讯 李偌蔓"), &["李偌蔓"]),
            seen("合肥高新区试点“职住平衡”", Some("本报讯 王芙灵"), &["王芙灵"]),
        ],
    );
    let a = page(&c, "004_");
    assert_eq!(a[0].kicker.as_deref(), Some("推进产业基础高级化、产业链现代化"));
    assert_eq!(a[1].kicker.as_deref(), Some("昆明高新区："));
    assert_eq!(
        a[0].sections().collect::<Vec<_>>(),
        ["精准发力筑牢发展之基", "创新驱动集聚发展要素", "优化服务助企减负增效"]
    );
    // Double-spaced OCR: paragraphs come from sentence ends, not blank lines.
    assert_eq!(kinds(a[1], BlockKind::Paragraph).len(), 3);
    assert_eq!(kinds(a[2], BlockKind::Paragraph).len(), 6);
    assert_eq!(kinds(a[1], BlockKind::Signature), ["李偌蔓"]);
    assert_eq!(kinds(a[2], BlockKind::Signature), ["王芙灵"]);
    let t = a[0].text();
    for s in ["营业收入60.3亿元", "2020年实现规模以上企业", "将1200余家重点企业和载体纳入24个网格", "《占地类产业项目服务流程再造暂行办法》", "工业向上拉动GDP增长5.4个百分点"] {
        assert!(t.contains(s), "{s}");
    }
    let pg = c.pages.iter().find(|p| p.stem.starts_with("004_")).expect("page");
    assert_eq!(pg.loose.len(), 1);
    assert_eq!((pg.loose[0].kind, pg.loose[0].text.as_str()), (BlockKind::Advertisement, "广告"));
}

/// Non-whitespace chars of the seed, as a sorted list.
fn chars_of(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    v.sort_unstable();
    v
}

#[test]
fn every_seed_file_is_lossless() {
    let m = manifest();
    let seeds = seeds();
    assert_eq!(seeds.len(), 5);
    for seed in &seeds {
        for page_manifest in [m.get(&seed.stem), None] {
            let r = ingest_page_with(seed, page_manifest).expect("ingests");
            check_lossless(seed, &r).expect("lossless");
            // The same, counted independently of the source ranges.
            let mut all = String::new();
            for a in &r.articles {
                all.push_str(&a.text());
            }
            for b in &r.page.loose {
                all.push_str(&b.text);
            }
            assert_eq!(chars_of(&all), chars_of(&seed.text), "{}", seed.stem);
        }
    }
}

#[test]
fn a_page_that_would_lose_text_is_an_error() {
    let seed = &seeds()[4];
    let mut r = ingest_page_with(seed, None).expect("ingests");
    r.articles[1].blocks[2].text.pop();
    let e = check_lossless(seed, &r).expect_err("a lost char is caught");
    assert!(e.to_string().starts_with("004_c1471ef6710dc149.txt:"), "{e}");
    let mut r = ingest_page_with(seed, None).expect("ingests");
    r.page.loose.clear();
    r.loose_pieces.clear();
    let e = check_lossless(seed, &r).expect_err("a dropped block is caught");
    assert!(e.message.contains("in no block"), "{e}");
    let mut r = ingest_page_with(seed, None).expect("ingests");
    let dup = r.article_pieces[0][0].clone();
    r.article_pieces[1].push(dup);
    let block = r.articles[0].blocks[0].clone();
    r.articles[1].blocks.push(block);
    let e = check_lossless(seed, &r).expect_err("a doubled block is caught");
    assert!(e.message.contains("two blocks"), "{e}");
}

#[test]
#[ignore = "prints the articles; run with --ignored --nocapture"]
fn dump() {
    let c = corpus();
    for a in &c.articles {
        println!(
            "== {} | {}{} | kicker {:?} | sub {:?} | byline {:?} | authors {:?} | src {:?} | from {:?} to {:?}",
            a.id,
            a.title,
            if a.title_inferred { " (inferred)" } else { "" },
            a.kicker,
            a.subtitle,
            a.byline,
            a.authors,
            a.source,
            a.continued_from,
            a.continued_to
        );
        for b in &a.blocks {
            let t: String = b.text.chars().take(40).collect();
            println!("   {:>4} {:<13} {}", b.line, b.kind.name(), t);
        }
    }
    for p in &c.pages {
        for b in &p.loose {
            println!("   loose {} {} {}", p.stem, b.kind.name(), b.text);
        }
    }
}
