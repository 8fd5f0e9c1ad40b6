//! Which sections are open, keyboard movement between section headers, and where a
//! link (`#id`) in the URL points.

use std::collections::BTreeSet;

use crate::content::citations::reference_anchor;
use crate::content::{Guide, SectionKind, WHAT_CHANGED_ID, emergency_box_id};

/// Where `localStorage` keeps the open sections.
pub const OPEN_SECTIONS_KEY: &str = "ketamine-guide.open-sections";

/// The set of open sections. Any number may be open at once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenSections(BTreeSet<String>);

impl OpenSections {
    pub fn is_open(&self, id: &str) -> bool {
        self.0.contains(id)
    }

    /// Opens or closes `id`; returns whether it is now open.
    pub fn toggle(&mut self, id: &str) -> bool {
        if self.0.remove(id) {
            false
        } else {
            self.0.insert(id.to_owned());
            true
        }
    }

    pub fn open(&mut self, id: &str) {
        self.0.insert(id.to_owned());
    }

    pub fn open_all<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        self.0.extend(ids.into_iter().map(str::to_owned));
    }

    pub fn close_all(&mut self) {
        self.0.clear();
    }

    pub fn count(&self) -> usize {
        self.0.len()
    }

    /// For storage: a JSON array of ids.
    pub fn to_storage(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Reads what was stored, keeping only ids that still exist. Anything unreadable
    /// (old format, corrupted, edited by hand) counts as "nothing open".
    pub fn from_storage(stored: Option<&str>, known_ids: &BTreeSet<&str>) -> Self {
        let ids: Vec<String> = stored
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or_default();
        OpenSections(
            ids.into_iter()
                .filter(|id| known_ids.contains(id.as_str()))
                .collect(),
        )
    }
}

/// A key press on a section header, as the accordion pattern defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderKey {
    Next,
    Previous,
    First,
    Last,
}

impl HeaderKey {
    /// From a `KeyboardEvent.key` value; `None` for keys the accordion leaves alone.
    pub fn from_key(key: &str) -> Option<Self> {
        match key {
            "ArrowDown" => Some(HeaderKey::Next),
            "ArrowUp" => Some(HeaderKey::Previous),
            "Home" => Some(HeaderKey::First),
            "End" => Some(HeaderKey::Last),
            _ => None,
        }
    }

    /// The header to focus next, wrapping at both ends.
    pub fn target(self, current: usize, count: usize) -> usize {
        if count == 0 {
            return 0;
        }
        match self {
            HeaderKey::Next => (current + 1) % count,
            HeaderKey::Previous => (current + count - 1) % count,
            HeaderKey::First => 0,
            HeaderKey::Last => count - 1,
        }
    }
}

/// What a URL fragment points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// No fragment, or one the page handles natively (the skip link).
    Nothing,
    /// A section: open it and focus its header.
    Section(String),
    /// Something inside a section (a claim, a glossary entry, a reference): open the
    /// section, then move to the element.
    Inside { section: String, element: String },
    /// Nothing in the guide has this id.
    Unknown(String),
}

/// Ids the page itself owns, which need no section opened.
const PAGE_IDS: [&str; 3] = ["main", "app", "contents"];

/// Resolves a fragment such as `#cost` (with or without `#`, percent-encoded or not).
pub fn resolve_link(guide: &Guide, fragment: &str) -> LinkTarget {
    let id = percent_decode(fragment.trim_start_matches('#'));
    if id.is_empty() || PAGE_IDS.contains(&id.as_str()) {
        return LinkTarget::Nothing;
    }
    if guide.sections.iter().any(|s| s.id == id) {
        return LinkTarget::Section(id);
    }
    if let Some(section) = guide
        .sections
        .iter()
        .find(|s| s.emergency.is_some() && emergency_box_id(&s.id) == id)
    {
        return LinkTarget::Inside {
            section: section.id.clone(),
            element: id,
        };
    }
    let section_of_kind = |kind| guide.section_id_of_kind(kind).map(str::to_owned);
    let container = if guide.claims.iter().any(|c| c.id == id) {
        section_of_kind(SectionKind::Claims)
    } else if guide.glossary.iter().any(|g| g.id == id) {
        section_of_kind(SectionKind::Glossary)
    } else if guide
        .references
        .iter()
        .any(|r| reference_anchor(&r.key) == id)
        || (id == WHAT_CHANGED_ID && !guide.changes.is_empty())
    {
        section_of_kind(SectionKind::About)
    } else {
        None
    };
    match container {
        Some(section) => LinkTarget::Inside {
            section,
            element: id,
        },
        None => LinkTarget::Unknown(id),
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(high), Some(low)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((high * 16 + low) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::parse_guide;

    fn guide() -> Guide {
        parse_guide(include_str!("../../public/content/guide.json")).unwrap()
    }

    #[test]
    fn toggling_opens_and_closes_and_many_can_be_open() {
        let mut open = OpenSections::default();
        assert!(open.toggle("cost"));
        assert!(open.toggle("risks"));
        assert!(open.is_open("cost") && open.is_open("risks"));
        assert!(!open.toggle("cost"));
        assert!(!open.is_open("cost"));
        assert_eq!(open.count(), 1);
    }

    #[test]
    fn expand_all_and_collapse_all() {
        let mut open = OpenSections::default();
        open.open_all(["a", "b", "c"]);
        assert_eq!(open.count(), 3);
        open.close_all();
        assert_eq!(open.count(), 0);
    }

    #[test]
    fn storage_round_trip_drops_unknown_ids() {
        let known: BTreeSet<&str> = ["a", "b"].into();
        let mut open = OpenSections::default();
        open.open_all(["a", "b"]);
        let stored = open.to_storage();
        assert_eq!(OpenSections::from_storage(Some(&stored), &known), open);
        let with_stale = r#"["a","removed-section"]"#;
        let restored = OpenSections::from_storage(Some(with_stale), &known);
        assert!(restored.is_open("a") && !restored.is_open("removed-section"));
    }

    #[test]
    fn corrupt_storage_means_nothing_open() {
        let known: BTreeSet<&str> = ["a"].into();
        for stored in [
            None,
            Some(""),
            Some("{not json"),
            Some(r#"{"a":true}"#),
            Some("[1,2]"),
        ] {
            assert_eq!(
                OpenSections::from_storage(stored, &known),
                OpenSections::default(),
                "{stored:?}"
            );
        }
    }

    #[test]
    fn arrow_keys_wrap_and_home_end_jump() {
        assert_eq!(HeaderKey::from_key("ArrowDown").unwrap().target(0, 5), 1);
        assert_eq!(HeaderKey::from_key("ArrowDown").unwrap().target(4, 5), 0);
        assert_eq!(HeaderKey::from_key("ArrowUp").unwrap().target(0, 5), 4);
        assert_eq!(HeaderKey::from_key("Home").unwrap().target(3, 5), 0);
        assert_eq!(HeaderKey::from_key("End").unwrap().target(1, 5), 4);
        assert_eq!(HeaderKey::from_key("Enter"), None);
        assert_eq!(HeaderKey::Next.target(0, 0), 0);
    }

    #[test]
    fn links_resolve_to_sections_and_to_things_inside_them() {
        let guide = guide();
        assert_eq!(
            resolve_link(&guide, "#cost"),
            LinkTarget::Section("cost".into())
        );
        assert_eq!(resolve_link(&guide, ""), LinkTarget::Nothing);
        assert_eq!(resolve_link(&guide, "#main"), LinkTarget::Nothing);
        let claim = &guide.claims[0].id;
        assert_eq!(
            resolve_link(&guide, &format!("#{claim}")),
            LinkTarget::Inside {
                section: "claims".into(),
                element: claim.clone()
            }
        );
        let term = &guide.glossary[0].id;
        assert!(matches!(
            resolve_link(&guide, term),
            LinkTarget::Inside { section, .. } if section == "glossary"
        ));
        let reference = reference_anchor(&guide.references[0].key);
        assert!(matches!(
            resolve_link(&guide, &reference),
            LinkTarget::Inside { section, .. } if section == "about"
        ));
    }

    #[test]
    fn unknown_and_encoded_links() {
        let guide = guide();
        assert_eq!(
            resolve_link(&guide, "#no-such-part"),
            LinkTarget::Unknown("no-such-part".into())
        );
        assert_eq!(
            resolve_link(&guide, "#co%73t"),
            LinkTarget::Section("cost".into())
        );
        assert_eq!(
            resolve_link(&guide, "#%3Cscript%3E"),
            LinkTarget::Unknown("<script>".into())
        );
        assert_eq!(
            resolve_link(&guide, "#%zz"),
            LinkTarget::Unknown("%zz".into())
        );
    }
}
