//! Every string of the user interface, in Chinese (default) and English.

#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn parse(s: &str) -> Lang {
        if s == "en" { Lang::En } else { Lang::Zh }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

/// All strings of one language.
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub search_label: &'static str,
    pub skip: &'static str,
    pub search_placeholder: &'static str,
    pub switch_lang: &'static str,
    pub results: &'static str,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    /// One, many.
    pub hits_unit: [&'static str; 2],
    pub articles_unit: [&'static str; 2],
    /// Hits as typed and apart: around the two counts.
    pub split: [&'static str; 3],
    pub exact_only: &'static str,
    /// Chart legend: hits as typed, hits apart.
    #[cfg_attr(xunyue_sharded, allow(dead_code))]
    pub exact_word: &'static str,
    pub apart_word: &'static str,
    pub only_excluded: &'static str,
    pub lowercase_or: &'static str,
    pub missing: &'static str,
    pub no_results_filters: &'static str,
    pub stats_took: &'static str,
    pub back: &'static str,
    /// A page by its printed number: prefix, suffix.
    pub page_no: [&'static str; 2],
    /// A page by its place in the archive, when it prints no number.
    pub scan_no: [&'static str; 2],
    pub filters: &'static str,
    /// How facet values combine.
    pub facet_logic: &'static str,
    pub match_all: &'static str,
    /// Before "4 articles" on the button that closes the filter panel.
    pub show_results: &'static str,
    pub clear_all: &'static str,
    pub remove_filter: &'static str,
    pub facet_org: &'static str,
    pub facet_person: &'static str,
    pub facet_place: &'static str,
    pub facet_keyword: &'static str,
    pub facet_author: &'static str,
    pub facet_source: &'static str,
    pub facet_year: &'static str,
    pub facet_date: &'static str,
    pub facet_page: &'static str,
    pub sort_label: &'static str,
    pub sort_relevance: &'static str,
    #[cfg_attr(xunyue_time, allow(dead_code))]
    pub sort_date: &'static str,
    pub sort_page: &'static str,
    pub view_list: &'static str,
    pub view_kwic: &'static str,
    pub browse_heading: &'static str,
    pub keywords: &'static str,
    pub prev_hit: &'static str,
    pub next_hit: &'static str,
    pub hit_counter: &'static str,
    pub entities: &'static str,
    pub related: &'static str,
    pub continued_from: &'static str,
    pub continued_to: &'static str,
    pub kwic_caption: &'static str,
    pub kwic_left: &'static str,
    pub kwic_hit: &'static str,
    pub kwic_right: &'static str,
    pub kwic_article: &'static str,
    pub sort_by_left: &'static str,
    pub sort_by_right: &'static str,
    pub sort_by_order: &'static str,
    #[cfg_attr(xunyue_sharded, allow(dead_code))]
    pub chart_title: &'static str,
    pub more_values: &'static str,
    pub fewer_values: &'static str,
    pub show_more: &'static str,
    pub keys_hint: &'static str,
    #[cfg_attr(xunyue_sharded, allow(dead_code))]
    pub load_error: &'static str,
    pub partial_notice: &'static str,
    pub loose_match: &'static str,
}

impl Strings {
    /// `(21 exact · 58 apart)` of `hits`.
    pub fn split(&self, exact: usize, hits: usize) -> String {
        let [a, b, c] = self.split;
        let mut s = String::from(a);
        s.push_str(&exact.to_string());
        s.push_str(b);
        s.push_str(&hits.saturating_sub(exact).to_string());
        s.push_str(c);
        s
    }
}

/// The unit for `n` of `[one, many]`.
pub fn unit(n: usize, u: [&'static str; 2]) -> &'static str {
    u[(n != 1) as usize]
}

pub static ZH: Strings = Strings {
    app_name: "寻阅",
    tagline: "报纸全文检索",
    search_label: "搜索全文",
    skip: "跳到结果",
    search_placeholder: "输入词语，如 青岛华大",
    switch_lang: "English",
    results: "检索结果",
    no_results: "没有找到匹配的文章",
    no_results_hint: "换个说法，或者换个更短的词试试。",
    hits_unit: ["处", "处"],
    articles_unit: ["篇文章", "篇文章"],
    split: ["（完全匹配 ", " · 分开出现 ", "）"],
    exact_only: "只看完全匹配",
    exact_word: "完全匹配",
    apart_word: "分开出现",
    only_excluded: "只有排除词：列出不含它们的全部文章。",
    lowercase_or: "小写 or 按普通词搜索；“或”请用 OR 或 |。",
    missing: "缺少：",
    no_results_filters: "换个说法，或者去掉筛选条件。",
    stats_took: "用时",
    back: "返回",
    page_no: ["第", "版"],
    scan_no: ["扫描页 ", ""],
    filters: "筛选",
    facet_logic: "同类多选：满足其一即可；不同类：须同时满足。",
    match_all: "全部满足",
    show_results: "查看 ",
    clear_all: "全部清除",
    remove_filter: "移除筛选",
    facet_org: "机构",
    facet_person: "人物",
    facet_place: "地点",
    facet_keyword: "关键词",
    facet_author: "作者",
    facet_source: "报纸",
    facet_year: "年份",
    facet_date: "日期",
    facet_page: "版面",
    sort_label: "排序",
    sort_relevance: "相关度",
    sort_date: "日期",
    sort_page: "版面顺序",
    view_list: "列表",
    view_kwic: "上下文索引",
    browse_heading: "浏览全部文章",
    keywords: "关键词",
    prev_hit: "上一处",
    next_hit: "下一处",
    hit_counter: "命中",
    entities: "提及",
    related: "相关文章",
    continued_from: "上接",
    continued_to: "下转",
    kwic_caption: "关键词上下文",
    kwic_left: "左侧上下文",
    kwic_hit: "命中",
    kwic_right: "右侧上下文",
    kwic_article: "文章",
    sort_by_left: "按左侧排序",
    sort_by_right: "按右侧排序",
    sort_by_order: "按出现顺序",
    chart_title: "各文章命中数（按版面分组）",
    more_values: "更多",
    fewer_values: "收起",
    show_more: "显示更多",
    keys_hint: "按 / 搜索，↑↓ 选择，Enter 打开，Esc 返回，n / N 跳到下一处 / 上一处",
    load_error: "语料加载失败",
    loose_match: "词语分开出现",
    partial_notice: "没有文章包含全部词语，以下是包含其中大部分的文章。",
};

pub static EN: Strings = Strings {
    app_name: "Xunyue",
    tagline: "Newspaper full-text search",
    search_label: "Search the full text",
    skip: "Skip to the results",
    search_placeholder: "Type a word, e.g. 青岛华大",
    switch_lang: "中文",
    results: "Results",
    no_results: "No article matches",
    no_results_hint: "Try other words, or a shorter one.",
    hits_unit: ["hit", "hits"],
    articles_unit: ["article", "articles"],
    split: [" (", " exact · ", " apart)"],
    exact_only: "Exact only",
    exact_word: "exact",
    apart_word: "apart",
    only_excluded: "Only exclusions: every article without them.",
    lowercase_or: "Lowercase “or” is searched as a word; for either-or, use OR or |.",
    missing: "missing: ",
    no_results_filters: "Try other words, or remove some filters.",
    stats_took: "in",
    back: "Back",
    page_no: ["Page ", ""],
    scan_no: ["Scan ", ""],
    filters: "Filters",
    facet_logic: "Within a group: any of the ticked values; across groups: all.",
    match_all: "Match all",
    show_results: "Show ",
    clear_all: "Clear all",
    remove_filter: "Remove filter",
    facet_org: "Organizations",
    facet_person: "People",
    facet_place: "Places",
    facet_keyword: "Keywords",
    facet_author: "Authors",
    facet_source: "Newspaper",
    facet_year: "Year",
    facet_date: "Date",
    facet_page: "Page",
    sort_label: "Sort",
    sort_relevance: "Relevance",
    sort_date: "Date",
    sort_page: "Page order",
    view_list: "List",
    view_kwic: "Keyword in context",
    browse_heading: "All articles",
    keywords: "Keywords",
    prev_hit: "Previous hit",
    next_hit: "Next hit",
    hit_counter: "Hit",
    entities: "Mentions",
    related: "Related articles",
    continued_from: "Continued from",
    continued_to: "Continued on",
    kwic_caption: "Keyword in context",
    kwic_left: "Left context",
    kwic_hit: "Hit",
    kwic_right: "Right context",
    kwic_article: "Article",
    sort_by_left: "Sort by left context",
    sort_by_right: "Sort by right context",
    sort_by_order: "Sort by position",
    chart_title: "Hits per article, by page",
    more_values: "More",
    fewer_values: "Fewer",
    show_more: "Show more",
    keys_hint: "/ search, ↑↓ select, Enter open, Esc back, n / N next / previous hit",
    load_error: "The corpus could not be loaded",
    loose_match: "words apart",
    partial_notice: "No article holds every word; these hold most of them.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_in_number_and_split_says_both_kinds() {
        assert_eq!(unit(1, EN.hits_unit), "hit");
        assert_eq!(unit(0, EN.hits_unit), "hits");
        assert_eq!(unit(2, EN.articles_unit), "articles");
        assert_eq!(EN.split(21, 79), " (21 exact · 58 apart)");
        assert_eq!(ZH.split(21, 79), "（完全匹配 21 · 分开出现 58）");
    }
}
