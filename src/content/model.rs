//! The guide's content as typed data. This module knows nothing about the page:
//! it is what `public/content/guide.json` deserializes into.

use serde::{Deserialize, Serialize};

/// The whole guide, as shipped in `public/content/guide.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub meta: Meta,
    pub crisis: Crisis,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// What each verdict means, in one plain line: shown in the key above the claims.
    #[serde(default)]
    pub verdict_meanings: Vec<VerdictMeaning>,
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    /// "Get emergency help now if…": written once, shown in every section that asks for it.
    #[serde(default)]
    pub emergency: Option<EmergencyBox>,
    /// Figures that appear in more than one place, written once so they cannot drift
    /// apart. Text refers to one as `{{id}}`; [`crate::content::figures`] fills it in.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// The side-by-side comparison of routes; optional so content can grow in steps.
    #[serde(default)]
    pub comparison: Option<Comparison>,
    /// The visit planner's schedules and the cost estimate's wording.
    #[serde(default)]
    pub planner: Option<Planner>,
    /// The one-page handout for the person who comes with the reader.
    #[serde(default)]
    pub companion: Option<Companion>,
    /// What changed in the guide, newest first: shown in "About this guide".
    #[serde(default)]
    pub changes: Vec<Change>,
    /// Ketamine beside the other options, on the same questions and with the same rules
    /// as the comparison of routes.
    #[serde(default)]
    pub options_comparison: Option<Comparison>,
    /// Help to deliberate: where the reader is leaning and the SURE test.
    #[serde(default)]
    pub deliberation: Option<Deliberation>,
    pub references: Vec<Reference>,
    /// Filled in by loading, not written: each text that states a rule with an end
    /// date (a figure with `valid_until`), as the reader sees it, with that date.
    #[serde(skip)]
    pub rule_ends: std::collections::BTreeMap<String, String>,
    /// Words readers type that the guide says differently ("copay" for cost): search
    /// also looks for what each one `means`.
    #[serde(default)]
    pub search_synonyms: Vec<SearchSynonym>,
}

/// One entry of the search's synonym list: any of `words` (a word or a short phrase,
/// as readers type it) also finds what `means` lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSynonym {
    pub words: Vec<String>,
    pub means: Vec<String>,
}

impl Guide {
    /// The id of the first section of this kind: where claims, glossary entries and
    /// references live, for links and search results that point inside it.
    pub fn section_id_of_kind(&self, kind: SectionKind) -> Option<&str> {
        self.sections
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| s.id.as_str())
    }

    /// Both comparisons, the routes' first, with a name for messages.
    pub fn comparisons(&self) -> impl Iterator<Item = (&'static str, &Comparison)> {
        let routes = self.comparison.iter().map(|c| ("comparison", c));
        routes.chain(
            self.options_comparison
                .iter()
                .map(|c| ("options comparison", c)),
        )
    }
}

/// Facts about the guide itself, shown in the header and the "About" section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub subtitle: String,
    /// ISO date (YYYY-MM-DD) of the last full review of the content.
    pub last_reviewed: String,
    /// ISO date (YYYY-MM-DD) by which the next review is due.
    pub next_review: String,
    /// Who has and has not checked the content (e.g. that no medical reviewer has yet),
    /// shown near the top of the guide.
    #[serde(default)]
    pub review_status: Option<String>,
}

/// Where to get help now. Shown in every state of the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crisis {
    pub heading: String,
    pub lines: Vec<CrisisLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrisisLine {
    /// Who it is for, e.g. "US" or "UK and Ireland".
    pub region: String,
    /// What to do, e.g. "Call or text 988".
    pub action: String,
    /// Links for the action, e.g. `tel:988`, `sms:988`, `https://findahelpline.com`.
    #[serde(default)]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub href: String,
}

/// What a section renders besides its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Ordinary sourced text: must cite at least one reference.
    #[default]
    Article,
    /// Also lists the guide's claim checks.
    Claims,
    /// Also shows the side-by-side comparison of routes.
    Comparison,
    /// Also shows ketamine beside the other options, then the help to deliberate.
    OptionsComparison,
    /// Also lists every suggested question from the other sections.
    Questions,
    /// Also lists the glossary.
    Glossary,
    /// About the guide itself; also lists the references.
    About,
    /// About how the site works (such as privacy), not a medical topic.
    Site,
    /// Also shows the visit planner and the cost estimate.
    Planner,
    /// Also shows the handout for the person who comes with the reader.
    Companion,
}

impl SectionKind {
    /// Navigation and reference sections point at sourced text elsewhere, so they
    /// need not cite anything themselves.
    pub fn requires_citation(self) -> bool {
        matches!(
            self,
            SectionKind::Article
                | SectionKind::Claims
                | SectionKind::Comparison
                | SectionKind::Planner
                | SectionKind::Companion
                | SectionKind::OptionsComparison
        )
    }
}

/// One expandable section of the guide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, used in URLs (`#id`): lowercase letters, digits and hyphens.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub kind: SectionKind,
    /// The short, plain layer shown first (US grade 8 or lower).
    pub summary: Vec<Paragraph>,
    /// The deeper layer behind "More detail".
    #[serde(default)]
    pub detail: Vec<Block>,
    /// Questions a reader might ask a clinician about this topic.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Things to tell the care team, shown as a checklist (questions section).
    #[serde(default)]
    pub checklist: Vec<String>,
    /// Shows the emergency box in the summary layer, for sections about side effects or
    /// doses taken outside a clinic.
    #[serde(default)]
    pub emergency: Option<EmergencyKind>,
    /// "The decision you face", shown as a box before the summary.
    #[serde(default)]
    pub decision: Option<DecisionBox>,
}

/// The decision a reader faces, stated plainly: what it is, who makes it, that there is
/// time, and that every option has benefits and harms.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionBox {
    pub heading: String,
    pub points: Vec<Paragraph>,
}

/// Help to deliberate: "Where am I leaning?" and the SURE test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deliberation {
    pub heading: String,
    pub intro: String,
    /// The legend of the leaning choice, e.g. "Where am I leaning?".
    pub leaning_legend: String,
    pub leanings: Vec<Choice>,
    pub sure_heading: String,
    pub sure_intro: Paragraph,
    /// The four SURE items, in order.
    pub sure: Vec<SureItem>,
    /// Shown when every answer is yes.
    pub sure_all_yes: String,
    /// Shown above the next steps when fewer than all answers are yes.
    pub sure_not_yet: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

/// One SURE question, and the kind next step shown when the answer is not yes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SureItem {
    pub id: String,
    pub question: String,
    pub next_step: String,
    /// Where in the guide to reread: `#section-id`.
    #[serde(default)]
    pub link: Option<Link>,
}

/// The element id of a section's emergency box: a link and search target.
pub fn emergency_box_id(section_id: &str) -> String {
    format!("{section_id}-emergency")
}

/// Which version of the emergency box a section shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmergencyKind {
    /// The warning signs and what to do.
    General,
    /// The same, plus the rules for any dose taken outside a clinic.
    AtHome,
}

/// The warning signs that need an ambulance, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmergencyBox {
    pub heading: String,
    pub intro: String,
    pub signs: Vec<Paragraph>,
    /// What to do: the emergency numbers.
    pub action: String,
    pub at_home_heading: String,
    pub at_home: Vec<Paragraph>,
    /// Where the list comes from, and what is our own judgement.
    pub note: Paragraph,
}

/// A figure written once and referred to as `{{id}}` wherever it appears.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// What the reader sees, e.g. "52.5 in 100".
    pub text: String,
    pub cite: Vec<String>,
    /// ISO date the figure was last checked against its source (prices, rules).
    #[serde(default)]
    pub checked: Option<String>,
    /// ISO date a rule is due to end or change: the guide must be reviewed by then.
    #[serde(default)]
    pub valid_until: Option<String>,
}

/// A run of text and the references that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    pub text: String,
    #[serde(default)]
    pub cite: Vec<String>,
}

/// A piece of the deeper layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
        #[serde(default)]
        cite: Vec<String>,
    },
    List {
        items: Vec<Paragraph>,
    },
    /// A highlighted note; `tone` says why it stands out.
    Note {
        tone: NoteTone,
        text: String,
        #[serde(default)]
        cite: Vec<String>,
    },
    /// Results drawn as 100 people each, side by side, beside the text they illustrate.
    IconArray(IconArray),
}

/// One or more results drawn as 100 people each. `text` says the time frame, the
/// comparison and the difference in words; every value must appear in it as
/// "X in 100", so the drawing and the words cannot differ.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IconArray {
    /// Unique among icon arrays: element ids and the picture's own ids.
    pub id: String,
    pub title: String,
    pub text: String,
    pub cite: Vec<String>,
    pub groups: Vec<IconGroup>,
}

/// One group of 100 people: how many had the outcome, in whole or half people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IconGroup {
    /// Who they were, e.g. "ELEKT-D, IV ketamine".
    pub label: String,
    /// Out of 100; a whole or half number, e.g. 52.5.
    pub value: f64,
    /// What the marked people had, e.g. "were in remission".
    pub yes: String,
    /// What the others had, e.g. "were not".
    pub no: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteTone {
    /// Something is not known or is disputed.
    Uncertain,
    /// A safety warning.
    Caution,
    /// Useful context.
    Info,
}

/// A marketing claim a reader may meet, checked against the evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    pub id: String,
    /// The claim as it is usually made.
    pub claim: String,
    pub verdict: Verdict,
    /// The verdict in one plain line, shown first on the card.
    #[serde(default)]
    pub bottom_line: String,
    /// Why, in plain words.
    pub explanation: String,
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accurate,
    PartlyAccurate,
    Misleading,
    Inaccurate,
    Unproven,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Accurate => "Accurate",
            Verdict::PartlyAccurate => "Partly accurate",
            Verdict::Misleading => "Misleading",
            Verdict::Inaccurate => "Inaccurate",
            Verdict::Unproven => "Unproven",
        }
    }

    /// A symbol that tells the verdicts apart without colour (shown beside the word).
    pub fn icon(self) -> &'static str {
        match self {
            Verdict::Accurate => "✓",
            Verdict::PartlyAccurate => "◐",
            Verdict::Misleading => "!",
            Verdict::Inaccurate => "✗",
            Verdict::Unproven => "?",
        }
    }

    /// Every verdict, for the key.
    pub const ALL: [Verdict; 5] = [
        Verdict::Accurate,
        Verdict::PartlyAccurate,
        Verdict::Misleading,
        Verdict::Inaccurate,
        Verdict::Unproven,
    ];
}

/// One verdict's meaning, for the key to the verdicts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictMeaning {
    pub verdict: Verdict,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub id: String,
    pub term: String,
    /// Other spellings that should be recognised in the text (e.g. "NMDA receptors").
    #[serde(default)]
    pub aliases: Vec<String>,
    pub definition: String,
    #[serde(default)]
    pub cite: Vec<String>,
}

/// A source. Every citation key in the guide must name one of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub key: String,
    pub authors: String,
    pub title: String,
    /// Journal, issuer or publisher.
    pub source: String,
    pub year: u16,
    #[serde(default)]
    pub doi: Option<String>,
    #[serde(default)]
    pub pmid: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Caveats about the source, e.g. "read via a copy; not peer-reviewed".
    #[serde(default)]
    pub note: Option<String>,
}

impl Reference {
    /// The best link for a reader: DOI first, then the official URL, then PubMed.
    pub fn link(&self) -> Option<String> {
        if let Some(doi) = &self.doi {
            return Some(format!("https://doi.org/{doi}"));
        }
        if let Some(url) = &self.url {
            return Some(url.clone());
        }
        self.pmid
            .as_ref()
            .map(|pmid| format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"))
    }
}

/// The side-by-side comparison of ways ketamine is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The table caption.
    pub caption: String,
    /// One or two plain sentences shown above the comparison (it never recommends).
    pub intro: String,
    pub routes: Vec<Route>,
    /// Groups of rows a reader can filter by, e.g. "Safety".
    pub topics: Vec<Topic>,
    /// Things a reader may care about most, e.g. "Needles"; rows name the ones they bear on.
    pub concerns: Vec<Concern>,
    pub rows: Vec<ComparisonRow>,
    /// One per route: a typical visit and the first 8 weeks (the routes' comparison).
    #[serde(default)]
    pub timelines: Vec<RouteTimeline>,
    /// A caution shown above the comparison, e.g. that figures from different trials
    /// are not directly comparable.
    #[serde(default)]
    pub caution: Option<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    /// Full name, e.g. "Esketamine nasal spray (Spravato)".
    pub name: String,
    /// Column heading on narrow screens, e.g. "Nasal spray".
    pub short_name: String,
    pub description: String,
    /// Questions a reader might ask about this route.
    #[serde(default)]
    pub questions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Concern {
    pub id: String,
    pub label: String,
}

/// A question patients ask, answered for every route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComparisonRow {
    pub id: String,
    pub question: String,
    /// A topic id.
    pub topic: String,
    /// Concern ids this row bears on.
    #[serde(default)]
    pub concerns: Vec<String>,
    /// What the row weighs: benefits and harms must give their figures alike.
    #[serde(default)]
    pub kind: Option<RowKind>,
    /// Keyed by route id; every route must have an answer.
    pub cells: std::collections::BTreeMap<String, Cell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub answer: String,
    pub certainty: Certainty,
    pub cite: Vec<String>,
    /// For an official fact, the ISO date it was checked; for a price, the year (or
    /// year and month, or date) the price is from.
    #[serde(default)]
    pub as_of: Option<String>,
    /// ISO date a rule is due to end or change: the guide must be reviewed by then.
    #[serde(default)]
    pub valid_until: Option<String>,
}

impl Cell {
    /// The certainty label as the reader sees it, with its date where it has one.
    pub fn certainty_label(&self) -> String {
        let when = self
            .as_of
            .as_deref()
            .and_then(super::text::human_date_or_year);
        match (self.certainty, when) {
            (Certainty::Official, Some(when)) => format!("Official fact, checked {when}"),
            (Certainty::Price, Some(when)) => format!("Price as of {when}"),
            (certainty, _) => certainty.label().to_owned(),
        }
    }
}

/// What a comparison row weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// How well or how fast it helps.
    Benefit,
    /// Side effects and risks.
    Harm,
    /// Time, visits, travel.
    Burden,
    /// Money.
    Cost,
    /// Facts such as approval or how it is given.
    Fact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    WellStudied,
    SomeEvidence,
    LittleEvidence,
    NotKnown,
    /// A regulator's decision or a label rule: not a matter of evidence strength.
    Official,
    /// A price, which is true only as of its date.
    Price,
}

impl Certainty {
    pub fn label(self) -> &'static str {
        match self {
            Certainty::WellStudied => "Well studied",
            Certainty::SomeEvidence => "Some evidence",
            Certainty::LittleEvidence => "Little evidence",
            Certainty::NotKnown => "Not known",
            Certainty::Official => "Official fact",
            Certainty::Price => "Price",
        }
    }
}

/// What one typical visit and the first weeks look like for a route.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteTimeline {
    /// A route id.
    pub route: String,
    /// The steps of one typical treatment visit, in order.
    pub visit: Vec<VisitStep>,
    /// Number of treatment visits (or doses, for at-home routes) in each of weeks 1 to 8.
    pub weekly_visits: Vec<u8>,
    /// Plain words on how typical this is and what varies.
    pub note: String,
    pub cite: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitStep {
    /// E.g. "Checks before dosing".
    pub label: String,
    /// Typical length in minutes.
    pub minutes: u16,
}

/// The element id of the "What changed" list in "About this guide" (a link target).
pub const WHAT_CHANGED_ID: &str = "what-changed";

/// One entry of "What changed": when, what and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// ISO date of the change.
    pub date: String,
    pub what: String,
    pub why: String,
    #[serde(default)]
    pub cite: Vec<String>,
}

/// The visit planner: the schedules a reader can pick, as data with their sources,
/// and the wording of the cost estimate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Planner {
    pub schedules: Vec<PlanSchedule>,
    /// "Bring someone to take you home", with its sources.
    pub ride: Paragraph,
    /// "Your own numbers: an estimate, not a quote".
    pub cost_heading: String,
    pub cost_intro: Paragraph,
}

/// One schedule: a label schedule, a common pattern in studies, or (with no weeks
/// given) the reader's own clinic's schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanSchedule {
    pub id: String,
    /// The choice as the reader sees it.
    pub label: String,
    /// The title of each calendar event, e.g. "Nasal spray session".
    pub event_title: String,
    /// Where the schedule comes from and how far to trust it.
    pub about: Paragraph,
    /// Sessions in each of weeks 1 to 8; empty for the reader's own schedule.
    #[serde(default)]
    pub weekly_sessions: Vec<u8>,
    /// After week 8: the fewest and the most sessions in 4 weeks; empty when there
    /// is no standard plan.
    #[serde(default)]
    pub later_per_4_weeks: Vec<u8>,
    /// What happens after week 8.
    pub later: Paragraph,
    /// The time to plan for at the clinic each visit, in minutes (for the totals).
    pub visit_minutes: u16,
    /// The time to plan for, in words.
    pub plan_time: Paragraph,
    /// The driving rule after each session.
    pub driving: Paragraph,
}

impl PlanSchedule {
    /// Whether the reader gives the weeks (sessions a week for a number of weeks).
    pub fn is_custom(&self) -> bool {
        self.weekly_sessions.is_empty()
    }
}

/// "For the person who comes with you": a handout that prints on one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Companion {
    pub intro: Paragraph,
    pub normal_heading: String,
    /// What is normal after a session.
    pub normal: Vec<Paragraph>,
    /// Red flags beyond the emergency box (which the handout shows too).
    pub more_help: Vec<Paragraph>,
    pub driving_heading: String,
    pub driving: Vec<Paragraph>,
}
