//! The pure rules of surveys: checking a survey as written and a response as given, and the
//! results arithmetic. No I/O.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use etakirjasto_shared::{
    CrossGroup, CrossQuestion, CrossRow, CrossTab, FieldCode, Hint, Localized, OptionCount,
    QuestionKind, QuestionResult, SurveyAnswer, SurveyInput, SurveyOption, SurveyQuestion,
    SurveyState, validate,
};

/// Longest title or question text.
const TEXT_MAX: usize = 300;
/// Longest intro or hint.
const INTRO_MAX: usize = 2_000;
/// Longest free-text answer.
pub const ANSWER_MAX: usize = 2_000;
/// Most questions in a survey.
const QUESTIONS_MAX: usize = 50;
/// Fewest and most options of a choice question.
const OPTIONS: std::ops::RangeInclusive<usize> = 2..=20;
/// The key of "other, please specify" in the results.
pub const OTHER: &str = "other";
/// The range of a `number` question without its own.
const NUMBER_RANGE: (i64, i64) = (0, 1_000_000);

type Faults = Vec<(String, FieldCode)>;

/// A question's or option's key: lowercase letters, digits and `_`. No `-`, which joins keys into
/// the web page's input ids (`q-<question>-<option>`), so two ids never collide.
fn is_key(s: &str) -> bool {
    (1..=40).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The limits a `number` question's own range must keep within.
const NUMBER_LIMIT: i64 = 1_000_000_000;

/// Trims the three languages of a text (`[fi, sv, en]`) and names their faults under `field`.
fn three(
    faults: &mut Faults,
    field: &str,
    raw: [&str; 3],
    required: bool,
    max: usize,
) -> [String; 3] {
    let mut out = [String::new(), String::new(), String::new()];
    for (i, lang) in ["fi", "sv", "en"].into_iter().enumerate() {
        let value = raw[i].trim();
        let name = format!("{field}.{lang}");
        if validate::free_text(value).is_err() {
            faults.push((name, FieldCode::InvalidFormat));
        } else if value.chars().count() > max {
            faults.push((name, FieldCode::TooLong));
        } else if required && lang == "fi" && value.is_empty() {
            faults.push((name, FieldCode::Required));
        }
        out[i] = value.to_owned();
    }
    out
}

/// A required text in three languages, trimmed.
pub(crate) fn localized(
    faults: &mut Faults,
    field: &str,
    raw: &Localized,
    max: usize,
) -> Localized {
    let [fi, sv, en] = three(faults, field, [&raw.fi, &raw.sv, &raw.en], true, max);
    Localized { fi, sv, en }
}

/// An optional text in three languages, trimmed.
fn hint(faults: &mut Faults, field: &str, raw: &Hint, max: usize) -> Hint {
    let [fi, sv, en] = three(faults, field, [&raw.fi, &raw.sv, &raw.en], false, max);
    Hint { fi, sv, en }
}

/// A date as `YYYY-MM-DD`.
pub fn day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .ok()
        .filter(|d| (1000..=9999).contains(&chrono::Datelike::year(d)))
}

/// Checks and trims a survey as written; every fault is named by its field.
pub fn checked(input: SurveyInput) -> Result<SurveyInput, Faults> {
    let mut faults = Faults::new();
    let title = localized(&mut faults, "title", &input.title, TEXT_MAX);
    let intro = hint(&mut faults, "intro", &input.intro, INTRO_MAX);
    let opens = day(input.opens_on.trim());
    if opens.is_none() {
        faults.push(("opens_on".into(), FieldCode::InvalidFormat));
    }
    let closes = input.closes_on.as_deref().map(str::trim).map(day);
    if let Some(closes) = closes {
        match closes {
            None => faults.push(("closes_on".into(), FieldCode::InvalidFormat)),
            Some(closes) if opens.is_some_and(|o| closes < o) => {
                faults.push(("closes_on".into(), FieldCode::InvalidChoice))
            }
            Some(_) => {}
        }
    }
    if input.questions.is_empty() {
        faults.push(("questions".into(), FieldCode::Required));
    } else if input.questions.len() > QUESTIONS_MAX {
        faults.push(("questions".into(), FieldCode::TooLong));
    }
    let mut ids = HashSet::new();
    let mut questions = Vec::with_capacity(input.questions.len());
    for (i, q) in input.questions.iter().enumerate() {
        let at = format!("questions[{i}]");
        if !is_key(&q.id) || !ids.insert(q.id.clone()) {
            faults.push((format!("{at}.id"), FieldCode::InvalidFormat));
        }
        let text = localized(&mut faults, &format!("{at}.text"), &q.text, TEXT_MAX);
        let help = hint(&mut faults, &format!("{at}.help"), &q.help, INTRO_MAX);
        let choice = matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple);
        let mut options = Vec::with_capacity(q.options.len());
        if choice {
            if !OPTIONS.contains(&q.options.len()) {
                faults.push((format!("{at}.options"), FieldCode::InvalidChoice));
            }
            let mut keys = HashSet::new();
            for (j, o) in q.options.iter().enumerate() {
                let oat = format!("{at}.options[{j}]");
                if !is_key(&o.id) || o.id == OTHER || !keys.insert(o.id.clone()) {
                    faults.push((format!("{oat}.id"), FieldCode::InvalidFormat));
                }
                options.push(SurveyOption {
                    id: o.id.clone(),
                    label: localized(&mut faults, &format!("{oat}.label"), &o.label, TEXT_MAX),
                });
            }
        } else {
            if !q.options.is_empty() {
                faults.push((format!("{at}.options"), FieldCode::InvalidChoice));
            }
            if q.other {
                faults.push((format!("{at}.other"), FieldCode::InvalidChoice));
            }
        }
        let numeric = q.kind == QuestionKind::Number;
        if !numeric && (q.min.is_some() || q.max.is_some()) {
            faults.push((format!("{at}.min"), FieldCode::InvalidChoice));
        }
        for (field, value) in [("min", q.min), ("max", q.max)] {
            if value.is_some_and(|v| !(-NUMBER_LIMIT..=NUMBER_LIMIT).contains(&v)) {
                faults.push((format!("{at}.{field}"), FieldCode::OutOfRange));
            }
        }
        if numeric && number_range(q).0 > number_range(q).1 {
            faults.push((format!("{at}.max"), FieldCode::InvalidChoice));
        }
        questions.push(SurveyQuestion {
            id: q.id.clone(),
            kind: q.kind,
            text,
            help,
            required: q.required,
            options,
            other: q.other && choice,
            min: q.min.filter(|_| numeric),
            max: q.max.filter(|_| numeric),
        });
    }
    if !faults.is_empty() {
        return Err(faults);
    }
    // Stored as `YYYY-MM-DD` whatever form was accepted, so they sort and compare as text.
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    Ok(SurveyInput {
        library: input.library.trim().to_owned(),
        title,
        intro,
        questions,
        opens_on: opens.map(iso).unwrap_or_default(),
        closes_on: closes.flatten().map(iso),
        ..input
    })
}

/// The smallest and largest number a `number` question takes.
pub fn number_range(q: &SurveyQuestion) -> (i64, i64) {
    match q.kind {
        QuestionKind::Scale => (1, 5),
        _ => (
            q.min.unwrap_or(NUMBER_RANGE.0),
            q.max.unwrap_or(NUMBER_RANGE.1),
        ),
    }
}

/// Why a changed survey cannot replace one with answers: a question or option removed, or a
/// question of another kind. `None` when the change keeps every answer meaningful.
pub fn breaks_answers(old: &[SurveyQuestion], new: &[SurveyQuestion]) -> Option<String> {
    for q in old {
        let Some(n) = new.iter().find(|n| n.id == q.id) else {
            return Some(format!(
                "the question `{}` has answers and cannot be removed",
                q.id
            ));
        };
        if n.kind != q.kind {
            return Some(format!(
                "the question `{}` has answers and must keep its kind",
                q.id
            ));
        }
        if let Some(o) = q
            .options
            .iter()
            .find(|o| !n.options.iter().any(|x| x.id == o.id))
        {
            return Some(format!(
                "the option `{}` of `{}` has answers and cannot be removed",
                o.id, q.id
            ));
        }
        if q.other && !n.other {
            return Some(format!("the question `{}` must keep \"other\"", q.id));
        }
    }
    None
}

/// A survey's state on the library's date `today`.
pub fn state(
    published: bool,
    opens_on: &str,
    closes_on: Option<&str>,
    today: NaiveDate,
) -> SurveyState {
    if !published {
        return SurveyState::Draft;
    }
    if day(opens_on).is_some_and(|o| today < o) {
        SurveyState::Scheduled
    } else if closes_on.and_then(day).is_some_and(|c| today > c) {
        SurveyState::Closed
    } else {
        SurveyState::Open
    }
}

/// Checks the answers of a response against the questions; gives back only the answered ones, in
/// the survey's order, trimmed. Faults are named `answers.<question key>`.
pub fn checked_answers(
    questions: &[SurveyQuestion],
    answers: &[SurveyAnswer],
) -> Result<Vec<SurveyAnswer>, Faults> {
    let mut faults = Faults::new();
    let mut given: HashMap<&str, &SurveyAnswer> = HashMap::new();
    for (i, a) in answers.iter().enumerate() {
        // A question not in the survey, or answered twice.
        if !questions.iter().any(|q| q.id == a.question)
            || given.insert(a.question.as_str(), a).is_some()
        {
            faults.push((format!("answers[{i}].question"), FieldCode::InvalidChoice));
        }
    }
    let mut kept = Vec::new();
    for q in questions {
        let field = format!("answers.{}", q.id);
        let Some(a) = given.get(q.id.as_str()) else {
            if q.required {
                faults.push((field, FieldCode::Required));
            }
            continue;
        };
        let other = a.other.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let text = a.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let mut clean = SurveyAnswer {
            question: q.id.clone(),
            ..SurveyAnswer::default()
        };
        let mut bad = |code: FieldCode| faults.push((field.clone(), code));
        match q.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                if a.number.is_some() || a.text.is_some() {
                    bad(FieldCode::InvalidChoice);
                    continue;
                }
                let mut seen = HashSet::new();
                let valid = a
                    .choices
                    .iter()
                    .all(|c| q.options.iter().any(|o| &o.id == c) && seen.insert(c.as_str()));
                if !valid || (other.is_some() && !q.other) {
                    bad(FieldCode::InvalidChoice);
                    continue;
                }
                if let Some(t) = other {
                    if validate::free_text(t).is_err() {
                        faults.push((format!("{field}.other"), FieldCode::InvalidFormat));
                        continue;
                    }
                    if t.chars().count() > ANSWER_MAX {
                        faults.push((format!("{field}.other"), FieldCode::TooLong));
                        continue;
                    }
                }
                let picked = a.choices.len() + usize::from(other.is_some());
                if picked == 0 {
                    if q.required {
                        bad(FieldCode::Required);
                    }
                    continue;
                }
                if q.kind == QuestionKind::Single && picked > 1 {
                    bad(FieldCode::InvalidChoice);
                    continue;
                }
                // Options in the question's order.
                clean.choices = q
                    .options
                    .iter()
                    .filter(|o| a.choices.contains(&o.id))
                    .map(|o| o.id.clone())
                    .collect();
                clean.other = other.map(str::to_owned);
            }
            QuestionKind::Scale | QuestionKind::Number => {
                if !a.choices.is_empty() || a.other.is_some() || a.text.is_some() {
                    bad(FieldCode::InvalidChoice);
                    continue;
                }
                let (lo, hi) = number_range(q);
                match a.number {
                    None if q.required => bad(FieldCode::Required),
                    None => {}
                    Some(n) if n < lo || n > hi => bad(FieldCode::OutOfRange),
                    Some(n) => clean.number = Some(n),
                }
                if clean.number.is_none() {
                    continue;
                }
            }
            QuestionKind::Text => {
                if !a.choices.is_empty() || a.other.is_some() || a.number.is_some() {
                    bad(FieldCode::InvalidChoice);
                    continue;
                }
                match text {
                    None if q.required => bad(FieldCode::Required),
                    None => {}
                    Some(t) if validate::free_text(t).is_err() => bad(FieldCode::InvalidFormat),
                    Some(t) if t.chars().count() > ANSWER_MAX => bad(FieldCode::TooLong),
                    Some(t) => clean.text = Some(t.to_owned()),
                }
                if clean.text.is_none() {
                    continue;
                }
            }
        }
        kept.push(clean);
    }
    if faults.is_empty() {
        Ok(kept)
    } else {
        Err(faults)
    }
}

/// A percentage to one decimal; 0 of nothing.
pub fn percent(count: i64, of: i64) -> f64 {
    if of == 0 {
        0.0
    } else {
        (count as f64 * 1000.0 / of as f64).round() / 10.0
    }
}

/// The options a question's results count: its options then "other", or the scale's points.
fn slots(q: &SurveyQuestion) -> Vec<(String, Localized)> {
    match q.kind {
        QuestionKind::Single | QuestionKind::Multiple => {
            let mut v: Vec<_> = q
                .options
                .iter()
                .map(|o| (o.id.clone(), o.label.clone()))
                .collect();
            if q.other {
                v.push((
                    OTHER.to_owned(),
                    Localized {
                        fi: "Muu".into(),
                        sv: "Annat".into(),
                        en: "Other".into(),
                    },
                ));
            }
            v
        }
        QuestionKind::Scale => (1..=5)
            .map(|n| {
                let t = n.to_string();
                (
                    t.clone(),
                    Localized {
                        fi: t.clone(),
                        sv: t.clone(),
                        en: t,
                    },
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// True when `answer` chose the slot `key` of `q`.
fn chose(q: &SurveyQuestion, answer: &SurveyAnswer, key: &str) -> bool {
    match q.kind {
        QuestionKind::Scale => answer.number.is_some_and(|n| n.to_string() == key),
        _ if key == OTHER && q.other => answer.other.is_some(),
        _ => answer.choices.iter().any(|c| c == key),
    }
}

fn answer_of<'a>(response: &'a [SurveyAnswer], q: &SurveyQuestion) -> Option<&'a SurveyAnswer> {
    response.iter().find(|a| a.question == q.id)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The results of each question over `responses` (each a response's answers, oldest first).
pub fn results(
    questions: &[SurveyQuestion],
    responses: &[Vec<SurveyAnswer>],
) -> Vec<QuestionResult> {
    let total = responses.len() as i64;
    questions
        .iter()
        .map(|q| {
            let answers: Vec<&SurveyAnswer> =
                responses.iter().filter_map(|r| answer_of(r, q)).collect();
            let answered = answers.len() as i64;
            let options = slots(q)
                .into_iter()
                .map(|(key, label)| {
                    let count = answers.iter().filter(|a| chose(q, a, &key)).count() as i64;
                    OptionCount {
                        option: key,
                        label,
                        count,
                        percent: percent(count, answered),
                    }
                })
                .collect();
            let mut numbers: Vec<i64> = answers.iter().filter_map(|a| a.number).collect();
            numbers.sort_unstable();
            let numeric = matches!(q.kind, QuestionKind::Scale | QuestionKind::Number);
            // Summed wide: a survey's range is within ±10⁹, but nothing overflows even beyond.
            let mean = (numeric && !numbers.is_empty()).then(|| {
                round2(
                    numbers.iter().map(|n| i128::from(*n)).sum::<i128>() as f64
                        / numbers.len() as f64,
                )
            });
            let median = (numeric && !numbers.is_empty()).then(|| {
                let n = numbers.len();
                if n % 2 == 1 {
                    numbers[n / 2] as f64
                } else {
                    (i128::from(numbers[n / 2 - 1]) + i128::from(numbers[n / 2])) as f64 / 2.0
                }
            });
            let texts = answers
                .iter()
                .filter_map(|a| a.text.clone().or_else(|| a.other.clone()))
                .collect();
            QuestionResult {
                question: q.id.clone(),
                kind: q.kind,
                text: q.text.clone(),
                answered,
                skipped: total - answered,
                options,
                mean,
                median,
                min: (q.kind == QuestionKind::Number)
                    .then(|| numbers.first().copied())
                    .flatten(),
                max: (q.kind == QuestionKind::Number)
                    .then(|| numbers.last().copied())
                    .flatten(),
                texts,
            }
        })
        .collect()
}

/// True when results may be grouped by `q`: one answer per response.
pub fn groups_by(q: &SurveyQuestion) -> bool {
    matches!(q.kind, QuestionKind::Single | QuestionKind::Scale)
}

/// The choice and scale questions other than `by`, broken down by the options of `by`.
pub fn cross_tab(
    questions: &[SurveyQuestion],
    by: &SurveyQuestion,
    responses: &[Vec<SurveyAnswer>],
) -> CrossTab {
    let groups = slots(by);
    let members: Vec<Vec<&Vec<SurveyAnswer>>> = groups
        .iter()
        .map(|(key, _)| {
            responses
                .iter()
                .filter(|r| answer_of(r, by).is_some_and(|a| chose(by, a, key)))
                .collect()
        })
        .collect();
    let crossed = questions
        .iter()
        .filter(|q| q.id != by.id && !slots(q).is_empty())
        .map(|q| {
            let answered: Vec<i64> = members
                .iter()
                .map(|m| m.iter().filter(|r| answer_of(r, q).is_some()).count() as i64)
                .collect();
            let rows = slots(q)
                .into_iter()
                .map(|(key, label)| {
                    let counts: Vec<i64> = members
                        .iter()
                        .map(|m| {
                            m.iter()
                                .filter(|r| answer_of(r, q).is_some_and(|a| chose(q, a, &key)))
                                .count() as i64
                        })
                        .collect();
                    let percents = counts
                        .iter()
                        .zip(&answered)
                        .map(|(c, a)| percent(*c, *a))
                        .collect();
                    CrossRow {
                        option: key,
                        label,
                        counts,
                        percents,
                    }
                })
                .collect();
            CrossQuestion {
                question: q.id.clone(),
                text: q.text.clone(),
                answered,
                rows,
            }
        })
        .collect();
    CrossTab {
        by: by.id.clone(),
        groups: groups
            .into_iter()
            .zip(&members)
            .map(|((option, label), m)| CrossGroup {
                option,
                label,
                responses: m.len() as i64,
            })
            .collect(),
        questions: crossed,
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

    fn choice(id: &str, kind: QuestionKind, options: &[&str], other: bool) -> SurveyQuestion {
        SurveyQuestion {
            id: id.into(),
            kind,
            text: loc(id),
            help: Hint::default(),
            required: false,
            options: options
                .iter()
                .map(|o| SurveyOption {
                    id: (*o).into(),
                    label: loc(o),
                })
                .collect(),
            other,
            min: None,
            max: None,
        }
    }

    fn pick(q: &str, choices: &[&str]) -> SurveyAnswer {
        SurveyAnswer {
            question: q.into(),
            choices: choices.iter().map(|c| (*c).into()).collect(),
            ..SurveyAnswer::default()
        }
    }

    #[test]
    fn percentages_are_of_those_who_answered_and_a_cross_tab_splits_them() {
        let qs = vec![
            choice("age", QuestionKind::Single, &["young", "old"], false),
            choice("want", QuestionKind::Multiple, &["video", "phone"], true),
        ];
        let r = |age: &str, want: &[&str]| vec![pick("age", &[age]), pick("want", want)];
        let mut other = pick("want", &[]);
        other.other = Some("kirjeitse".into());
        let responses = vec![
            r("young", &["video"]),
            r("young", &["video", "phone"]),
            r("old", &["phone"]),
            vec![pick("age", &["old"]), other],
            vec![pick("age", &["old"])],
        ];
        let res = results(&qs, &responses);
        assert_eq!((res[1].answered, res[1].skipped), (4, 1));
        let counts: Vec<_> = res[1]
            .options
            .iter()
            .map(|o| (o.option.as_str(), o.count, o.percent))
            .collect();
        assert_eq!(
            counts,
            [("video", 2, 50.0), ("phone", 2, 50.0), ("other", 1, 25.0)]
        );
        assert_eq!(res[1].texts, ["kirjeitse"]);
        let cross = cross_tab(&qs, &qs[0], &responses);
        assert_eq!(
            cross.groups.iter().map(|g| g.responses).collect::<Vec<_>>(),
            [2, 3]
        );
        let want = &cross.questions[0];
        assert_eq!(want.answered, [2, 2]);
        assert_eq!(want.rows[0].counts, [2, 0]);
        assert_eq!(want.rows[1].counts, [1, 1]);
        assert_eq!(want.rows[1].percents, [50.0, 50.0]);
        assert_eq!(want.rows[2].percents, [0.0, 50.0]);
    }

    #[test]
    fn a_single_choice_takes_one_option_or_other_and_numbers_keep_their_range() {
        let mut q = choice("q", QuestionKind::Single, &["a", "b"], true);
        q.required = true;
        let mut both = pick("q", &["a"]);
        both.other = Some("x".into());
        assert!(checked_answers(&[q.clone()], &[both]).is_err());
        assert!(checked_answers(&[q.clone()], &[pick("q", &["c"])]).is_err());
        assert_eq!(
            checked_answers(&[q.clone()], &[]).unwrap_err(),
            [("answers.q".to_owned(), FieldCode::Required)]
        );
        let mut scale = choice("s", QuestionKind::Scale, &[], false);
        scale.options.clear();
        let six = SurveyAnswer {
            question: "s".into(),
            number: Some(6),
            ..SurveyAnswer::default()
        };
        assert!(checked_answers(&[scale.clone()], &[six]).is_err());
        let r = |n| {
            vec![SurveyAnswer {
                question: "s".into(),
                number: Some(n),
                ..SurveyAnswer::default()
            }]
        };
        let res = results(&[scale], &[r(1), r(2), r(5), r(4)]);
        assert_eq!((res[0].mean, res[0].median), (Some(3.0), Some(3.0)));
        assert_eq!(res[0].options[4].count, 1);
    }

    #[test]
    fn a_change_may_reword_and_add_but_not_remove_what_was_answered() {
        let old = vec![choice("q", QuestionKind::Single, &["a", "b"], false)];
        let mut reworded = old.clone();
        reworded[0].text = loc("uusi");
        reworded[0].options.push(SurveyOption {
            id: "c".into(),
            label: loc("c"),
        });
        reworded.push(choice("n", QuestionKind::Text, &[], false));
        assert_eq!(breaks_answers(&old, &reworded), None);
        let mut fewer = old.clone();
        fewer[0].options.pop();
        assert!(breaks_answers(&old, &fewer).is_some());
        let mut kind = old.clone();
        kind[0].kind = QuestionKind::Multiple;
        assert!(breaks_answers(&old, &kind).is_some());
    }
}
