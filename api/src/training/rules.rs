//! Pure training rules: checking a module as written, a person's progress in a module, and the
//! competence matrix with the team's readiness.

use std::collections::{HashMap, HashSet};

use etakirjasto_shared::{
    CompetenceState, FieldCode, Localized, MatrixCell, MatrixPerson, Readiness, StaffRef,
    TrainingItem, TrainingModuleInput,
};

use crate::surveys::rules::localized;

type Faults = Vec<(String, FieldCode)>;

/// Longest title and item text.
pub const TEXT_MAX: usize = 200;
/// Longest module text, per language.
pub const BODY_MAX: usize = 20_000;
/// Most items in a checklist.
pub const ITEMS_MAX: usize = 30;
/// Fewest ratings a mean is shown from to staff other than admins.
pub const MEAN_MIN: u32 = 3;
/// Most session types a module is required for.
pub const SERVICES_MAX: usize = 50;

/// True for an item key: 1 to 40 lowercase letters, digits and `_`.
pub fn is_key(raw: &str) -> bool {
    (1..=40).contains(&raw.len())
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks and trims a module as written (the session types' existence is the caller's to check);
/// every fault is named by its field. Session types come back sorted, without repeats.
pub fn checked(input: TrainingModuleInput) -> Result<TrainingModuleInput, Faults> {
    let mut faults = Faults::new();
    let title = localized(&mut faults, "title", &input.title, TEXT_MAX);
    let body = localized(&mut faults, "body", &input.body, BODY_MAX);
    if input.items.is_empty() {
        faults.push(("items".into(), FieldCode::Required));
    } else if input.items.len() > ITEMS_MAX {
        faults.push(("items".into(), FieldCode::TooLong));
    }
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    for (i, item) in input.items.iter().enumerate() {
        let key = item.key.trim().to_owned();
        if !is_key(&key) {
            faults.push((format!("items[{i}].key"), FieldCode::InvalidFormat));
        } else if !seen.insert(key.clone()) {
            faults.push((format!("items[{i}].key"), FieldCode::Taken));
        }
        let text = localized(
            &mut faults,
            &format!("items[{i}].text"),
            &item.text,
            TEXT_MAX,
        );
        items.push(TrainingItem { key, text });
    }
    let mut service_ids: Vec<String> = input
        .service_ids
        .iter()
        .map(|s| s.trim().to_owned())
        .collect();
    service_ids.sort();
    service_ids.dedup();
    if service_ids.len() > SERVICES_MAX {
        faults.push(("service_ids".into(), FieldCode::TooLong));
    }
    if faults.is_empty() {
        Ok(TrainingModuleInput {
            library: input.library.trim().to_owned(),
            title,
            body,
            items,
            practice: input.practice,
            service_ids,
        })
    } else {
        Err(faults)
    }
}

/// A module as progress needs it.
#[derive(Debug, Clone)]
pub struct ModuleFacts {
    pub id: String,
    pub items: Vec<String>,
    pub practice: bool,
}

/// A person's progress in one module: the current items ticked (in the module's order) and whether
/// the module is complete.
pub fn progress(
    module: &ModuleFacts,
    ticked: &HashSet<&str>,
    practice_held: bool,
) -> (Vec<String>, bool) {
    let done: Vec<String> = module
        .items
        .iter()
        .filter(|k| ticked.contains(k.as_str()))
        .cloned()
        .collect();
    let complete = done.len() == module.items.len() && (!module.practice || practice_held);
    (done, complete)
}

/// Whether anything of the module has been done.
pub fn started(ticked: &HashSet<&str>, practice_held: bool) -> bool {
    !ticked.is_empty() || practice_held
}

/// One person's standing for one session type.
pub fn state(required: usize, complete: usize, started: bool, signed_off: bool) -> CompetenceState {
    if signed_off {
        CompetenceState::Competent
    } else if required == 0 {
        CompetenceState::NotRequired
    } else if complete == required {
        CompetenceState::Trained
    } else if started {
        CompetenceState::InTraining
    } else {
        CompetenceState::NotStarted
    }
}

/// True when a staff member who delivers a session type is offered in its bookable times.
pub fn offered(delivers: bool, required: usize, signed_off: bool) -> bool {
    delivers && (required == 0 || signed_off)
}

/// Everything the matrix is made of, read for one library.
#[derive(Debug, Default)]
pub struct MatrixFacts {
    /// The library's staff: (id, name), in the order to show.
    pub staff: Vec<(String, String)>,
    /// The session types' ids, in the order to show.
    pub services: Vec<String>,
    /// The modules.
    pub modules: Vec<ModuleFacts>,
    /// (module, service) requirements.
    pub required: Vec<(String, String)>,
    /// (user, module, item) ticks.
    pub ticks: Vec<(String, String, String)>,
    /// (user, module) pairs with a held practice (as trainee).
    pub practised: HashSet<(String, String)>,
    /// (service, user) who deliver.
    pub delivering: HashSet<(String, String)>,
    /// (service, user) → (who signed off, when).
    pub signed_off: HashMap<(String, String), (String, chrono::DateTime<chrono::Utc>)>,
    /// (user, service, phase) → rating.
    pub confidence: HashMap<(String, String, String), u8>,
}

/// The people's rows and the team's readiness per session type.
pub fn matrix(f: &MatrixFacts) -> (Vec<MatrixPerson>, Vec<Readiness>) {
    let mut ticked: HashMap<(&str, &str), HashSet<&str>> = HashMap::new();
    for (user, module, item) in &f.ticks {
        ticked
            .entry((user.as_str(), module.as_str()))
            .or_default()
            .insert(item.as_str());
    }
    let empty = HashSet::new();
    // (user, module) → (started, complete)
    let mut standing: HashMap<(&str, &str), (bool, bool)> = HashMap::new();
    for (user, _) in &f.staff {
        for m in &f.modules {
            let t = ticked
                .get(&(user.as_str(), m.id.as_str()))
                .unwrap_or(&empty);
            let held = f.practised.contains(&(user.clone(), m.id.clone()));
            let (_, complete) = progress(m, t, held);
            standing.insert((user.as_str(), m.id.as_str()), (started(t, held), complete));
        }
    }
    let required_for = |service: &str| -> Vec<&str> {
        f.required
            .iter()
            .filter(|(_, s)| s == service)
            .map(|(m, _)| m.as_str())
            .filter(|m| f.modules.iter().any(|x| x.id == *m))
            .collect()
    };
    let mut people = Vec::new();
    for (user, name) in &f.staff {
        let modules_done = f
            .modules
            .iter()
            .filter(|m| standing[&(user.as_str(), m.id.as_str())].1)
            .count() as u32;
        let cells = f
            .services
            .iter()
            .map(|service| {
                let required = required_for(service);
                let done = required
                    .iter()
                    .filter(|m| standing[&(user.as_str(), **m)].1)
                    .count();
                let any = required.iter().any(|m| standing[&(user.as_str(), *m)].0);
                let sign = f.signed_off.get(&(service.clone(), user.clone()));
                let delivers = f.delivering.contains(&(service.clone(), user.clone()));
                let rating = |phase: &str| {
                    f.confidence
                        .get(&(user.clone(), service.clone(), phase.to_owned()))
                        .copied()
                };
                MatrixCell {
                    service_id: service.clone(),
                    state: state(required.len(), done, any, sign.is_some()),
                    delivers,
                    offered: offered(delivers, required.len(), sign.is_some()),
                    modules_done: done as u32,
                    modules_required: required.len() as u32,
                    signed_off_by: sign.map(|s| s.0.clone()),
                    signed_off_at: sign.map(|s| s.1),
                    confidence_before: rating("before"),
                    confidence_after: rating("after"),
                }
            })
            .collect();
        people.push(MatrixPerson {
            staff: StaffRef {
                id: user.clone(),
                name: name.clone(),
            },
            modules_done,
            modules_total: f.modules.len() as u32,
            cells,
        });
    }
    let readiness = f
        .services
        .iter()
        .enumerate()
        .map(|(i, service)| {
            let cells: Vec<&MatrixCell> = people.iter().map(|p| &p.cells[i]).collect();
            let count = |pred: &dyn Fn(&MatrixCell) -> bool| {
                cells.iter().filter(|c| pred(c)).count() as u32
            };
            let mean = |pick: &dyn Fn(&MatrixCell) -> Option<u8>| {
                let ratings: Vec<f64> = cells
                    .iter()
                    .filter_map(|c| pick(c))
                    .map(f64::from)
                    .collect();
                let n = ratings.len() as u32;
                let mean = (n > 0).then(|| {
                    let m = ratings.iter().sum::<f64>() / f64::from(n);
                    (m * 10.0).round() / 10.0
                });
                (mean, n)
            };
            let (before, rated_before) = mean(&|c| c.confidence_before);
            let (after, rated_after) = mean(&|c| c.confidence_after);
            Readiness {
                service_id: service.clone(),
                delivering: count(&|c| c.delivers),
                competent: count(&|c| c.state == CompetenceState::Competent),
                offered: count(&|c| c.offered),
                trained: count(&|c| c.modules_required > 0 && c.modules_done == c.modules_required),
                confidence_before: before,
                confidence_after: after,
                rated_before,
                rated_after,
            }
        })
        .collect();
    (people, readiness)
}

/// The module text per language as safe HTML (a missing translation is the Finnish text's).
pub fn body_html(body: &Localized) -> Localized {
    let html =
        |s: &str| crate::guides::markdown::to_html(if s.trim().is_empty() { &body.fi } else { s });
    Localized {
        fi: html(&body.fi),
        sv: html(&body.sv),
        en: html(&body.en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loc(s: &str) -> Localized {
        Localized {
            fi: s.into(),
            sv: String::new(),
            en: String::new(),
        }
    }

    fn module(items: &[&str]) -> TrainingModuleInput {
        TrainingModuleInput {
            library: " kalajoki ".into(),
            title: loc("Videoistunto"),
            body: loc("Teksti"),
            items: items
                .iter()
                .map(|k| TrainingItem {
                    key: (*k).into(),
                    text: loc("Tee"),
                })
                .collect(),
            practice: false,
            service_ids: vec!["b".into(), "a".into(), "b".into()],
        }
    }

    #[test]
    fn a_module_names_each_fault() {
        let ok = checked(module(&["one", "two"])).unwrap();
        assert_eq!(ok.library, "kalajoki");
        assert_eq!(ok.service_ids, vec!["a", "b"]);
        let faults = checked(module(&["one", "one", "Bad-Key"])).unwrap_err();
        assert_eq!(
            faults,
            vec![
                ("items[1].key".to_owned(), FieldCode::Taken),
                ("items[2].key".to_owned(), FieldCode::InvalidFormat),
            ]
        );
        assert_eq!(
            checked(module(&[])).unwrap_err(),
            vec![("items".to_owned(), FieldCode::Required)]
        );
        let mut m = module(&["one"]);
        m.title.fi = " ".into();
        assert_eq!(
            checked(m).unwrap_err(),
            vec![("title.fi".to_owned(), FieldCode::Required)]
        );
    }

    #[test]
    fn a_module_is_complete_with_every_current_item_and_its_practice() {
        let m = ModuleFacts {
            id: "m".into(),
            items: vec!["a".into(), "b".into()],
            practice: true,
        };
        let ticks: HashSet<&str> = ["b", "a", "gone"].into_iter().collect();
        assert_eq!(
            progress(&m, &ticks, false),
            (vec!["a".into(), "b".into()], false)
        );
        assert!(progress(&m, &ticks, true).1);
        let some: HashSet<&str> = ["a"].into_iter().collect();
        assert!(!progress(&m, &some, true).1);
    }

    #[test]
    fn the_matrix_counts_each_standing() {
        let now = chrono::Utc::now();
        let mut f = MatrixFacts {
            staff: vec![
                ("u1".into(), "Aino".into()),
                ("u2".into(), "Liisa".into()),
                ("u3".into(), "Pekka".into()),
            ],
            services: vec!["s1".into(), "s2".into()],
            modules: vec![
                ModuleFacts {
                    id: "m1".into(),
                    items: vec!["a".into()],
                    practice: false,
                },
                ModuleFacts {
                    id: "m2".into(),
                    items: vec!["a".into()],
                    practice: true,
                },
            ],
            required: vec![("m1".into(), "s1".into()), ("m2".into(), "s1".into())],
            ..Default::default()
        };
        // u1: both modules complete and signed off; u2: both complete, not signed off;
        // u3: one item of m1.
        for u in ["u1", "u2"] {
            for m in ["m1", "m2"] {
                f.ticks.push((u.into(), m.into(), "a".into()));
            }
            f.practised.insert((u.into(), "m2".into()));
        }
        f.ticks.push(("u3".into(), "m1".into(), "a".into()));
        for u in ["u1", "u2", "u3"] {
            f.delivering.insert(("s1".into(), u.into()));
            f.delivering.insert(("s2".into(), u.into()));
        }
        f.signed_off
            .insert(("s1".into(), "u1".into()), ("Admin".into(), now));
        f.confidence
            .insert(("u1".into(), "s1".into(), "before".into()), 2);
        f.confidence
            .insert(("u2".into(), "s1".into(), "before".into()), 3);
        f.confidence
            .insert(("u1".into(), "s1".into(), "after".into()), 5);
        let (people, readiness) = matrix(&f);
        let states: Vec<CompetenceState> = people.iter().map(|p| p.cells[0].state).collect();
        assert_eq!(
            states,
            vec![
                CompetenceState::Competent,
                CompetenceState::Trained,
                CompetenceState::InTraining
            ]
        );
        assert_eq!(people[2].modules_done, 1);
        assert_eq!(people[2].cells[0].modules_done, 1);
        assert_eq!(people[0].cells[1].state, CompetenceState::NotRequired);
        let r = &readiness[0];
        assert_eq!(
            (r.delivering, r.competent, r.offered, r.trained),
            (3, 1, 1, 2)
        );
        assert_eq!((r.confidence_before, r.rated_before), (Some(2.5), 2));
        assert_eq!((r.confidence_after, r.rated_after), (Some(5.0), 1));
        // Nothing is required for s2: everyone who delivers it is offered.
        assert_eq!(readiness[1].offered, 3);
        assert_eq!(readiness[1].confidence_before, None);
    }
}
