//! Every marker kind, the reflow rules and the manifest, on made-up pages.
//! Each page is also checked lossless by ingest itself.

use xunyue_core::{Article, BlockKind, Page};
use xunyue_ingest::{ingest_page_with, ingest_with};
use xunyue_read::{Manifest, Move, PageManifest, SeedFile};

fn seed(text: &str) -> SeedFile {
    SeedFile { stem: "test".to_string(), text: text.to_string() }
}

fn ingest(text: &str) -> (Page, Vec<Article>) {
    let r = ingest_page_with(&seed(text), None).expect("ingests and is lossless");
    (r.page, r.articles)
}

fn kinds(a: &Article, k: BlockKind) -> Vec<&str> {
    a.blocks.iter().filter(|b| b.kind == k).map(|b| b.text.as_str()).collect()
}

fn titles(arts: &[Article]) -> Vec<&str> {
    arts.iter().map(|a| a.title.as_str()).collect()
}

#[test]
fn a_page_with_no_markers_is_one_article_with_nothing_lost() {
    let text = "今天天气很好，我们去公园散步。\n公园里有很多人在锻炼身体。\n\n下午下了一场雨，\n空气变得清新了。\n";
    let (_, a) = ingest(text);
    assert_eq!(a.len(), 1);
    assert!(a[0].title_inferred);
    assert_eq!(a[0].title, "今天天气很好");
    assert_eq!(a[0].id, "test#1");
    let chars = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(chars(&a[0].text()), chars(text));
    // Lines without any punctuation: still one article.
    let (_, a) = ingest("第一行\n\n第二行\n\n第三行\n\n第四行");
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].blocks.len(), 4);
}

#[test]
fn empty_and_blank_pages_have_no_article() {
    assert!(ingest("").1.is_empty());
    assert!(ingest(" \n\u{3000}\n\r\n").1.is_empty());
}

#[test]
fn head_kicker_headline_subtitle_byline() {
    let (_, a) = ingest(
        "城市更新提速——\n\n老街焕新颜\n\n本市今年完成改造的老旧街区共有十二处，惠及居民三万多户\n\n□本报记者 张三\n\n　　今年以来，全市加快推进城市更新。改造后的老街吸引了大量游客。\n",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].title, "老街焕新颜");
    assert!(!a[0].title_inferred);
    assert_eq!(a[0].kicker.as_deref(), Some("城市更新提速——"));
    assert_eq!(a[0].subtitle.as_deref(), Some("本市今年完成改造的老旧街区共有十二处，惠及居民三万多户"));
    assert_eq!(a[0].byline.as_deref(), Some("本报记者 张三"));
    assert_eq!(a[0].authors, ["张三"]);
    assert_eq!(a[0].blocks[1].kind, BlockKind::Headline);
}

#[test]
fn bylines_of_every_form() {
    let (_, a) = ingest("标题\n\n□青岛日报/观海新闻记者 耿婷婷\n\n正文。\n");
    assert_eq!(a[0].byline.as_deref(), Some("青岛日报/观海新闻记者 耿婷婷"));
    assert_eq!(a[0].authors, ["耿婷婷"]);
    assert_eq!(a[0].source.as_deref(), Some("青岛日报"));
    let (_, a) = ingest(" ▶ 高欣\n\n标题\n\n正文。\n");
    assert_eq!((a[0].byline.as_deref(), a[0].authors.as_slice()), (Some("高欣"), &["高欣".to_string()][..]));
    assert_eq!(a[0].source, None);
    let (_, a) = ingest("标题\n\n本报讯 近日，某地召开会议。会议决定了三件事。 李偌蔓\n");
    assert_eq!(a[0].byline.as_deref(), Some("本报讯 李偌蔓"));
    assert_eq!(a[0].authors, ["李偌蔓"]);
    assert_eq!(kinds(&a[0], BlockKind::Signature), ["李偌蔓"]);
    assert_eq!(kinds(&a[0], BlockKind::Byline), ["本报讯"]);
    assert_eq!(kinds(&a[0], BlockKind::Paragraph), ["近日，某地召开会议。会议决定了三件事。"]);
    // A signature on a line of its own.
    let (_, a) = ingest("标题\n\n本报讯 近日，某地召开会议。\n王芙灵\n");
    assert_eq!(kinds(&a[0], BlockKind::Signature), ["王芙灵"]);
    assert_eq!(a[0].authors, ["王芙灵"]);
}

#[test]
fn section_headings_marked_and_short_lines() {
    let (_, a) = ingest(
        "标题\n\n　　第一段说了一件事。\n\n>>整合资源<<\n打造创新中心\n\n　　第二段说了另一件事。\n\n服 务 流 程 再 造\n\n　　第三段。\n",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].sections().collect::<Vec<_>>(), [">>整合资源<<", "打造创新中心", "服务流程再造"]);
    assert_eq!(kinds(&a[0], BlockKind::Paragraph).len(), 3);
}

#[test]
fn captions_stay_apart_and_do_not_cut_paragraphs() {
    let (_, a) = ingest(
        "标题\n\n这一段被图片说明切成了两半，在相关方面，青岛陆续启动“万种鱼类基因组计划”“海\n\n■青岛华大基因研究院打造了全球最大的海洋基因库。\n\n洋微生物基因组计划”等全球首次发起的科学计划。\n\n智慧驿站可提供多种便民服务。□记者 张静 摄 工人将土豆装袋打包。□记者 梁玉鹏 摄\n",
    );
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].captions().collect::<Vec<_>>(),
        ["■青岛华大基因研究院打造了全球最大的海洋基因库。", "智慧驿站可提供多种便民服务。□记者 张静 摄", "工人将土豆装袋打包。□记者 梁玉鹏 摄"]
    );
    assert_eq!(kinds(&a[0], BlockKind::Paragraph).len(), 1);
    assert!(kinds(&a[0], BlockKind::Paragraph)[0].contains("“海洋微生物基因组计划”"));
}

#[test]
fn teasers_claim_the_heads_before_them() {
    let (_, a) = ingest(
        "头版头条标题\n\n新区建设城市智慧驿站\n可提供多种便民服务\n\n六汪镇发展马铃薯种植\n种植面积已达一万亩\n\n■2版 ■3版\n\n□本报记者 刘腾\n\n　　正文第一句。正文第二句。\n",
    );
    assert_eq!(titles(&a), ["头版头条标题", "新区建设城市智慧驿站", "六汪镇发展马铃薯种植"]);
    assert_eq!(a[0].byline.as_deref(), Some("本报记者 刘腾"));
    assert_eq!(kinds(&a[0], BlockKind::Paragraph).len(), 1);
    assert_eq!(a[1].continued_to.as_deref(), Some("2版"));
    assert_eq!(a[1].subtitle.as_deref(), Some("可提供多种便民服务"));
    assert_eq!(kinds(&a[2], BlockKind::Teaser), ["■3版"]);
}

#[test]
fn continuations_from_and_to_other_pages() {
    let (_, a) = ingest(
        "主标题\n\n　　正文讲到这里，（下转第二版）\n\n（上接第一版）另一篇文章从上一版转来，讲完了。\n　　又一段。\n",
    );
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].title, "主标题");
    assert_eq!(a[0].continued_to.as_deref(), Some("第二版"));
    assert_eq!(kinds(&a[0], BlockKind::Continuation), ["（下转第二版）"]);
    assert!(a[1].title_inferred);
    assert_eq!(a[1].title, "另一篇文章从上一版转来");
    assert_eq!(a[1].continued_from.as_deref(), Some("第一版"));
    assert_eq!(a[1].blocks[0].kind, BlockKind::Continuation);
}

#[test]
fn headline_after_its_body_in_ocr_order() {
    let (_, a) = ingest(
        "本报讯 根据会议精神，高新区开展试点工作。\n\n试点范围包括全区。 王芙灵\n\n合肥高新区试点“职住平衡”\n\n广告\n",
    );
    assert_eq!(titles(&a), ["合肥高新区试点“职住平衡”"]);
    assert_eq!(a[0].blocks[0].kind, BlockKind::Headline);
    assert_eq!(a[0].authors, ["王芙灵"]);
}

#[test]
fn stacked_heads_get_their_bodies() {
    // Two heads in a row; the first body belongs to the nearest head, the
    // next to the head left without one.
    let (_, a) = ingest(
        "▶ 高欣\n\n推进产业基础高级化\n\n青岛高新区发展\n昆明高新区：\n\n“相约春城”活动落幕\n\n本报讯 活动在昆明举行。 李偌蔓\n\n工业用地出让面积大。\n\n青岛高新区不断优化营商环境。\n",
    );
    assert_eq!(titles(&a), ["青岛高新区发展", "“相约春城”活动落幕"]);
    assert_eq!(a[0].kicker.as_deref(), Some("推进产业基础高级化"));
    assert_eq!(a[1].kicker.as_deref(), Some("昆明高新区："));
    assert_eq!(kinds(&a[0], BlockKind::Paragraph).len(), 2);
    assert_eq!(a[1].authors, ["李偌蔓"]);
}

#[test]
fn advertisement_is_kept_on_the_page() {
    let (page, a) = ingest("标题\n\n正文。\n\n广告\n");
    assert_eq!(a.len(), 1);
    assert_eq!(page.loose.len(), 1);
    assert_eq!(page.loose[0].kind, BlockKind::Advertisement);
    assert!(!a[0].text().contains("广告"));
}

#[test]
fn list_items() {
    let (_, a) = ingest("标题\n\n正文。\n\n方案三年目标\n\n到2027年——\n\n- 建设创新平台不少于2个\n- 突破关键技术不少于10项\n\n●青岛陆续启动基因组计划\n\n●清原农冠全球首创编辑系统\n");
    assert_eq!(kinds(&a[0], BlockKind::ListItem).len(), 4);
    assert_eq!(kinds(&a[0], BlockKind::SectionHeading), ["方案三年目标"]);
    assert!(kinds(&a[0], BlockKind::ListItem)[2].starts_with('●'));
}

#[test]
fn reflow_rules() {
    // Column break in the middle of a sentence, across a blank line.
    let (_, a) = ingest("标题\n\n　　海洋基因组数据产出位列全球第一，建成\n\n了全球领先的海洋基因库。\n　　下一段。\n");
    assert_eq!(kinds(&a[0], BlockKind::Paragraph), ["海洋基因组数据产出位列全球第一，建成了全球领先的海洋基因库。", "下一段。"]);
    // Line-initial quotes are text; numbers and units across lines and spaces.
    let (_, a) = ingest("标题\n\n　　徐讯介绍，\n“目前，青岛已经构建了\n全球第一个图谱。”\n　　目 150 余个，总投资 400 多亿元。2020\n年实现营业收入 60.3 亿元，将\n1200 余 家企业纳入网格。\n");
    assert_eq!(
        kinds(&a[0], BlockKind::Paragraph),
        ["徐讯介绍，“目前，青岛已经构建了全球第一个图谱。”", "目150余个，总投资400多亿元。2020年实现营业收入60.3亿元，将1200余家企业纳入网格。"]
    );
    // Latin words keep one space.
    let (_, a) = ingest("标题\n\n　　展示了 CIMOS city\nbrain 解决方案。\n");
    assert_eq!(kinds(&a[0], BlockKind::Paragraph), ["展示了CIMOS city brain解决方案。"]);
    // Double-spaced OCR: paragraphs come from sentence ends.
    let (_, a) = ingest(
        "标题\n\n本报讯 在日前举行的《生物多样\n\n性公约》缔约方大会第十五次会议\n\n期间，昆明高新区推出网络行活动。\n\n该活动邀请了新浪微博平台多位\n\n产业专家、科普博主等微博大V，联同\n\n云南本地主流媒体，共同组成探秘团。\n\n精准发力筑牢发展之基\n\n近日，由青岛海尔生物医疗股份\n\n有限公司投资建设的项目奠基。\n",
    );
    assert_eq!(
        kinds(&a[0], BlockKind::Paragraph),
        [
            "在日前举行的《生物多样性公约》缔约方大会第十五次会议期间，昆明高新区推出网络行活动。",
            "该活动邀请了新浪微博平台多位产业专家、科普博主等微博大V，联同云南本地主流媒体，共同组成探秘团。",
            "近日，由青岛海尔生物医疗股份有限公司投资建设的项目奠基。"
        ]
    );
    assert_eq!(a[0].sections().collect::<Vec<_>>(), ["精准发力筑牢发展之基"]);
    // CRLF and CR line endings.
    let (_, a) = ingest("标题\r\n\r\n　　一段\r\n文字。\r　　二段。\r");
    assert_eq!(kinds(&a[0], BlockKind::Paragraph), ["一段文字。", "二段。"]);
}

fn manifest(stem: &str, page: PageManifest) -> Manifest {
    let mut m = Manifest::default();
    m.page.insert(stem.to_string(), page);
    m
}

#[test]
fn manifest_facts_and_moves() {
    let s = SeedFile { stem: "p".into(), text: "标题\n\n　　第二段。\n\n　　第一段。\n".into() };
    let m = manifest(
        "p",
        PageManifest {
            source: Some("某某日报".into()),
            date: Some("2021-09-03".into()),
            label: Some("第三版".into()),
            number: Some(3),
            moves: vec![Move { first: "第一段".into(), last: None, before: "第二段".into(), why: None }],
        },
    );
    let c = ingest_with(&[s], &m).expect("ingests");
    let a = &c.articles[0];
    assert_eq!(kinds(a, BlockKind::Paragraph), ["第一段。", "第二段。"]);
    assert_eq!((a.source.as_deref(), a.date.as_deref()), (Some("某某日报"), Some("2021-09-03")));
    assert_eq!((c.pages[0].label.as_deref(), c.pages[0].number), (Some("第三版"), Some(3)));
}

#[test]
fn manifest_entries_that_point_at_nothing_are_errors() {
    let s = SeedFile { stem: "p".into(), text: "标题\n\n　　第二段。\n\n　　第一段。\n\n　　第一段又来了。\n".into() };
    let mv = |first: &str, before: &str| PageManifest {
        moves: vec![Move { first: first.into(), last: None, before: before.into(), why: None }],
        ..PageManifest::default()
    };
    let e = ingest_with(std::slice::from_ref(&s), &manifest("p", mv("第九段", "第二段"))).expect_err("missing text");
    assert_eq!(e.file, "corpus.toml");
    assert!(e.message.contains("page.\"p\".move[0].first") && e.message.contains("第九段"), "{e}");
    let e = ingest_with(std::slice::from_ref(&s), &manifest("p", mv("第一段", "第二段"))).expect_err("ambiguous");
    assert!(e.message.contains("2 lines") && e.message.contains("lines 5, 7"), "{e}");
    let e = ingest_with(std::slice::from_ref(&s), &manifest("p", mv("第二段", "第九段"))).expect_err("missing before");
    assert!(e.message.contains("move[0].before"), "{e}");
    let e = ingest_with(std::slice::from_ref(&s), &manifest("q", PageManifest::default())).expect_err("unknown stem");
    assert!(e.to_string().contains("[page.\"q\"]: no seed file q.txt"), "{e}");
    let bad_date = PageManifest { date: Some("2021-13-01".into()), ..PageManifest::default() };
    let e = ingest_with(&[s], &manifest("p", bad_date)).expect_err("bad date");
    assert!(e.message.contains("date") && e.message.contains("YYYY-MM-DD"), "{e}");
}

#[test]
fn large_odd_pages_ingest_in_linear_time() {
    let n = 20_000;
    let pages = [
        // Many heads, then many bodies.
        format!("{}{}", "某某标题\n\n".repeat(n), "本报讯 一段正文。 王芙灵\n\n".repeat(n)),
        // One long line.
        "长".repeat(1 << 20),
        // Many short lines, no punctuation.
        "短行\n".repeat(1 << 18),
        // Many captions inside one cut paragraph.
        format!("标题\n\n　　{}{}", "一段很长很长很长很长很长很长很长很长很长很长很长很长很长的被切开的文字\n\n■图片说明。\n\n".repeat(n), "完。"),
    ];
    for text in &pages {
        let t = std::time::Instant::now();
        let r = ingest_page_with(&seed(text), None).expect("ingests and is lossless");
        assert!(!r.articles.is_empty());
        assert!(t.elapsed().as_secs() < 30, "{:?} for {} bytes", t.elapsed(), text.len());
    }
}

#[test]
fn names_spaced_out_by_the_layout_are_closed_up() {
    // U+00A0 and U+3000 pad names; the name is found as typed.
    let (_, a) = ingest("标题\n\n　　正文第一句。正文第二句。\n\n本报记者\u{a0}刘\u{a0}慧摄\n");
    assert_eq!(a[0].captions().collect::<Vec<_>>(), ["本报记者 刘慧摄"]);
    // What search folds and matches: `刘慧摄` as typed.
    assert!(xunyue_core::normalize::normalize_str(&a[0].text()).contains("刘慧摄"));
    let (_, a) = ingest("标题\n\n□本报记者 刘\u{3000}慧\n\n　　正文第一句。\n");
    assert_eq!((a[0].byline.as_deref(), a[0].authors.as_slice()), (Some("本报记者 刘慧"), &["刘慧".to_string()][..]));
    let (_, a) = ingest("标题\n\n□本报记者 刘 慧 通讯员 王\u{3000}芳\n\n　　正文第一句。\n");
    assert_eq!(a[0].authors, ["刘慧", "王芳"]);
    // Words stay apart: role and name, name and credit, two names.
    let (_, a) = ingest("标题\n\n□记者 张静 摄 通讯员 王小明\n\n　　正文第一句。\n");
    assert_eq!(a[0].blocks.iter().find(|b| b.kind == BlockKind::Byline).map(|b| b.text.as_str()), Some("□记者 张静 摄 通讯员 王小明"));
    // Body text: every space between Han characters goes, Latin words keep one.
    let (_, a) = ingest("标题\n\n　　工业向上拉动 GDP 增\n长 5.4 个 百 分 点，刘\u{3000}慧和\u{a0}CIMOS city brain。\n");
    assert_eq!(kinds(&a[0], BlockKind::Paragraph), ["工业向上拉动GDP增长5.4个百分点，刘慧和CIMOS city brain。"]);
}

#[test]
fn a_head_line_left_over_titles_photos_without_a_head() {
    // The OCR read the photos' title into the lead's head; the captions at
    // the foot of the page have no head of their own.
    let (_, a) = ingest(
        "聚链成势，奏响产业进阶\n\n小驿站传递大温暖 小土豆变身金蛋蛋\n\n□本报记者 刘腾\n\n　　正文的第一句话在这里。正文的第二句话也在这里。（下转第二版）\n\n智慧驿站可提供多种便民服务。□记者 张静 摄 工人将土豆装袋打包。□记者 梁玉鹏 摄\n",
    );
    assert_eq!(titles(&a), ["聚链成势，奏响产业进阶", "小驿站传递大温暖 小土豆变身金蛋蛋"]);
    assert_eq!(a[0].subtitle, None);
    assert_eq!(a[1].captions().count(), 2);
}
