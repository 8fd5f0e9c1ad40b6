# One-off edit for issue 12: the decision box, "Ketamine and the other options", icon
# arrays and the help to deliberate. Round-trips guide.json exactly.
import json, copy
P = 'public/content/guide.json'
g = json.load(open(P))

def cell(answer, cite, certainty='some_evidence', as_of=None):
    c = {"answer": answer, "certainty": certainty, "cite": cite}
    if as_of: c["as_of"] = as_of
    return c

refs = [
 {"key": "stard-cnsdrugs-2009", "authors": "Rush AJ, Warden D, Wisniewski SR, et al.", "title": "STAR*D: revising conventional wisdom", "source": "CNS Drugs 2009;23(8):627–647", "year": 2009, "url": "https://link.springer.com/article/10.2165%2F00023210-200923080-00001", "note": "Switch, augmentation and cognitive-therapy results at level 2 as summarised in fact sheet 2. DOI and PMID not seen."},
 {"key": "vast-d-2017", "authors": "Mohamed S, Johnson GR, Chen P, et al.", "title": "Effect of antidepressant switching vs augmentation on remission among patients with major depressive disorder unresponsive to antidepressant treatment: the VAST-D randomized clinical trial", "source": "JAMA 2017;318(2):132–145", "year": 2017, "doi": "10.1001/jama.2017.8036", "pmid": "28697253", "note": "Read via an eScholarship copy, as recorded in fact sheet 2. The title is given as far as the fact sheet records it."},
 {"key": "spielmans-2013", "authors": "Spielmans GI, Berman MI, Linardatos E, Rosenlicht NZ, Perry A, Tsai AC", "title": "Adjunctive atypical antipsychotic treatment for major depressive disorder: a meta-analysis of depression, quality of life, and safety outcomes", "source": "PLOS Medicine", "year": 2013, "doi": "10.1371/journal.pmed.1001403", "note": "“About 11 more in 100” is this guide’s arithmetic from the number needed to treat of 9 that the paper reports."},
 {"key": "nelson-2009", "authors": "Nelson JC, Papakostas GI", "title": "Atypical antipsychotic augmentation in major depressive disorder: a meta-analysis of placebo-controlled randomized trials", "source": "American Journal of Psychiatry", "year": 2009, "doi": "10.1176/appi.ajp.2009.09030312"},
 {"key": "bauer-1999", "authors": "Bauer M, Döpfmer S", "title": "Lithium augmentation in treatment-resistant depression: meta-analysis of placebo-controlled studies", "source": "Journal of Clinical Psychopharmacology 1999;19(5):427–434", "year": 1999, "doi": "10.1097/00004714-199910000-00006", "pmid": "10505584"},
 {"key": "lithium-continuation-2000", "authors": "Authors not confirmed", "title": "Double-blind, placebo-controlled trial of the use of lithium to augment antidepressant medication in continuation treatment of unipolar major depression", "source": "American Journal of Psychiatry 2000;157(9):1429", "year": 2000, "doi": "10.1176/appi.ajp.157.9.1429", "note": "Authors not shown in the stored copy, as recorded in fact sheet 2."},
 {"key": "wiles-2016", "authors": "Wiles NJ, Thomas L, Turner N, et al.", "title": "Long-term effectiveness and cost-effectiveness of cognitive behavioural therapy as an adjunct to pharmacotherapy for treatment-resistant depression in primary care: follow-up of the CoBalT randomised controlled trial", "source": "The Lancet Psychiatry 2016;3(2):137–144", "year": 2016, "doi": "10.1016/S2215-0366(15)00495-2", "pmid": "26777773", "note": "The long-term response figures (43 versus 27 in 100) are from the University of Oxford’s 2016 press release on this paper, and the cost from an NHS Specialist Pharmacy Service summary, as recorded in fact sheet 2."},
 {"key": "core-husain-2004", "authors": "Husain MM, et al.", "title": "Speed of response and remission in major depressive disorder with acute electroconvulsive therapy (ECT): a Consortium for Research in ECT (CORE) report", "source": "Journal of Clinical Psychiatry 2004;65(4)", "year": 2004, "doi": "10.4088/jcp.v65n0406", "pmid": "15119910", "note": "An open study with no comparison group."},
 {"key": "semple-2024", "authors": "Semple DM, Suveges S, Steele JD", "title": "Electroconvulsive therapy response and remission in moderate to severe depressive illness: a decade of national Scottish data", "source": "British Journal of Psychiatry (published online 18 September 2024)", "year": 2024, "url": "https://core-prod.cambridgecore.org/core/journals/the-british-journal-of-psychiatry/article/electroconvulsive-therapy-response-and-remission-in-moderate-to-severe-depressive-illness-a-decade-of-national-scottish-data/E0CB10019F49E17543C3FB330CBD3678", "note": "Routine-care data with no comparison group. DOI and PMID not seen."},
 {"key": "sackeim-2001", "authors": "Sackeim HA, Haskett RF, Mulsant BH, et al.", "title": "Continuation pharmacotherapy in the prevention of relapse following electroconvulsive therapy: a randomized controlled trial", "source": "JAMA 2001;285(10):1299–1307", "year": 2001, "doi": "10.1001/jama.285.10.1299", "pmid": "11255384"},
 {"key": "sackeim-2007", "authors": "Sackeim HA, Prudic J, Fuller R, Keilp J, Lavori PW, Olfson M", "title": "The cognitive effects of electroconvulsive therapy in community settings", "source": "Neuropsychopharmacology 2007;32:244–254", "year": 2007, "url": "https://www.nature.com/articles/1301180"},
 {"key": "brus-2017", "authors": "Brus O, Nordanskog P, Båve U, et al.", "title": "Subjective memory immediately following electroconvulsive therapy", "source": "Journal of ECT 2017", "year": 2017, "doi": "10.1097/YCT.0000000000000377"},
 {"key": "kratter-2026", "authors": "Kratter IH, Austelle CW, Lissemore JI, et al.", "title": "Stanford neuromodulation therapy for treatment-resistant depression: a randomized controlled trial confirming efficacy, and an EEG study", "source": "World Psychiatry 2026;25(1):105–116", "year": 2026, "doi": "10.1002/wps.70032", "note": "The title is shortened as recorded in fact sheet 2."},
 {"key": "legare-2010", "authors": "Légaré F, Kearing S, Clay K, Gagnon S, D'Amours D, Rousseau M, O'Connor A", "title": "Are you SURE? Assessing patient decisional conflict with a 4-item screening test", "source": "Canadian Family Physician 2010;56(8):e308–e314", "year": 2010, "pmid": "20705870", "url": "https://www.cfp.ca/content/56/8/e308", "note": "The scoring (yes = 1, no = 0; 3 or less suggests the decision is not settled) was read in the paper. The wording of the four questions was seen only in copies that reproduce them, not in the paper’s own table, so it may differ slightly from the original."},
 {"key": "guide-evidence-review-2026", "authors": "The editors of this guide", "title": "[What this guide’s evidence review did not find]", "source": "This guide’s evidence review, 1 December 2026", "year": 2026, "note": "Cited where no reliable source was found. We found no reliable US price for talking therapy, rTMS, ECT or the other medicines: only clinic advertising gave figures, and we do not use it. The sources we used did not list who cannot have ECT or the other medicines; each medicine has its own label."},
]
g['references'].extend(refs)

g['figures'].append({"id": "ketect-relapse-ect", "text": "63 in 100", "cite": ["ketect-2022"]})

# Route comparison gains the two new priorities.
cmp = g['comparison']
cmp['concerns'][0:0] = [{"id": "fast-relief", "label": "Fast relief"}, {"id": "lasting-benefit", "label": "Lasting benefit"}]
for r in cmp['rows']:
    if r['id'] == 'onset': r['concerns'].append('fast-relief')
    if r['id'] == 'duration': r['concerns'].append('lasting-benefit')

K, M, T, R, E, S, I = 'keep', 'medicine', 'therapy', 'rtms', 'ect', 'esketamine', 'iv'
rc = {r['id']: r for r in cmp['rows']}
rows = [
 {"id": "how-well", "question": "How well does it work, and compared with what?", "topic": "benefit", "concerns": [], "kind": "benefit", "cells": {
  K: cell("No comparable figure for staying on exactly the same treatment. But comparison groups in trials improved too. Across 50 trials of medicines and brain stimulation, about 13 to 16 in 100 were in remission on a placebo or a sham (fake) treatment. In CoBalT, 22 in 100 who kept their usual care were much better (response) at 6 months.", ["jones-2021", "wiles-2013"]),
  M: cell("Switching: in STAR*D, about 25 to 27 in 100 reached remission after switching to another antidepressant (over up to 14 weeks). Adding aripiprazole: in VAST-D, 29 in 100 reached remission at 12 weeks, against 22 in 100 who switched to bupropion. Across 14 short trials, adding aripiprazole, quetiapine or risperidone brought remission to about 11 more people in 100 than adding a placebo.", ["stard-cnsdrugs-2009", "vast-d-2017", "spielmans-2013"]),
  T: cell("In CoBalT, {{cobalt-response-cbt}} who added CBT to their usual care were much better (response) at 6 months, against 22 in 100 with usual care alone.", ["wiles-2013"]),
  R: cell("Across 29 sham-controlled trials, after about 13 sessions, about 19 in 100 reached remission with rTMS, against 5 in 100 with a sham treatment. In the THREE-D trial, theta burst worked about as well as standard rTMS.", ["berlim-2014", "blumberger-2018"]),
  E: cell("These figures have no placebo group. In the CORE study, about 75 in 100 reached remission during a course. In routine care in Scotland, 51 in 100 did. In KetECT, {{ketect-remission-ect}} reached remission with ECT, against {{ketect-remission-ketamine}} with IV ketamine.", ["core-husain-2004", "semple-2024", "ketect-2022"]),
  S: cell("In TRANSFORM-2, {{transform2-remission-esketamine}} reached remission after 4 weeks, against {{transform2-remission-placebo}} with a new antidepressant and a dummy spray. Three similar trials did not show a clear benefit. In ESCAPE-TRD, {{escape-remission-esketamine}} reached remission at 8 weeks, against {{escape-remission-quetiapine}} with added quetiapine.", ["popova-2019", "fedgchin-2019", "ochs-ross-2020", "japan-ph2b-2021", "reif-2023"]),
  I: cell("In ELEKT-D, {{elektd-response-ketamine}} responded after 3 weeks, against {{elektd-response-ect}} with ECT. In KetECT, {{ketect-remission-ketamine}} reached remission, against {{ketect-remission-ect}} with ECT. A blinded 2025 trial in hospital patients found no clear benefit over a comparison drug (midazolam).", ["anand-2023", "ketect-2022", "jelovac-2025"]),
 }},
 {"id": "how-fast", "question": "How fast might it help?", "topic": "benefit", "concerns": ["fast-relief"], "kind": "benefit", "cells": {
  K: cell("No comparable figure. Any change comes slowly, over weeks to months. In CoBalT, the usual-care group was measured at 6 months.", ["wiles-2013"], 'little_evidence'),
  M: cell("No comparable figure for days: it takes weeks. Trials check for remission after 6 to 12 weeks. In STAR*D, about half of those who reached remission on their first medicine took more than 6 weeks.", ["spielmans-2013", "stard-cnsdrugs-2009"]),
  T: cell("No comparable figure for days: it takes months. CoBalT measured its main result at 6 months. In STAR*D, remission came later when cognitive therapy was added than when a medicine was added (55 versus 40 days).", ["wiles-2013", "stard-cnsdrugs-2009"]),
  R: cell("No comparable figure for days. Standard rTMS is given every weekday for 4 to 6 weeks. The trial results above came after about 13 sessions, or 2 to 3 weeks.", ["perera-2016", "berlim-2014"]),
  E: cell("Often within 1 to 2 weeks. In the CORE study, 54 in 100 had a first response by the end of week 1, and 34 in 100 were in remission by week 2.", ["core-husain-2004"]),
  S: cell("Sometimes within days. In the TRANSFORM trials, by day 2 about {{transform-day2-response-esketamine}} had responded, against about 9 in 100 on placebo.", ["turkoz-2021"]),
  I: cell("Sometimes within hours. In a small 2006 trial, {{zarate2006-response-day1}} responded the day after one drip. That trial compared ketamine with salt water, which can make a drug look better than it is.", ["zarate-2006", "wilkinson-2019"], 'little_evidence'),
 }},
 {"id": "lasting", "question": "Does the benefit last?", "topic": "benefit", "concerns": ["lasting-benefit"], "kind": "benefit", "cells": {
  K: cell("No comparable figure. In STAR*D, people who needed more treatment steps were more likely to relapse later.", ["stard-rush-2006"], 'little_evidence'),
  M: cell("No comparable figure for most medicines. In one small 4-month trial of people helped by added lithium, none of 14 who kept taking it relapsed, against 7 of 15 (about 47 in 100) switched to a placebo.", ["lithium-continuation-2000"], 'little_evidence'),
  T: cell("In CoBalT, after about 4 years on average, 43 in 100 who had CBT were much better (response), against 27 in 100 with usual care alone. Many still had some depression.", ["wiles-2016"]),
  R: cell("No comparable figure: the trials this guide uses report results at the end of the course only.", ["berlim-2014"], 'not_known'),
  E: cell("Relapse after ECT is common. In KetECT, {{ketect-relapse-ect}} of those in remission after ECT relapsed within 12 months. Medicines taken afterwards lower this: in one trial, 84 in 100 relapsed within 24 weeks on a placebo, against 39 in 100 on nortriptyline plus lithium.", ["ketect-2022", "sackeim-2001"]),
  S: cell("In SUSTAIN-1, among people in remission, {{sustain1-relapse-esketamine}} who stayed on esketamine relapsed, against {{sustain1-relapse-placebo}} switched to a dummy spray.", ["daly-2019"]),
  I: cell("Often not without more doses. In KetECT, {{ketect-relapse-ketamine}} of those in remission after ketamine relapsed within 12 months. After 6 drips, half of those helped had relapsed within {{iv-relapse-median-days}}.", ["ketect-2022", "murrough-2013-bp"]),
 }},
 {"id": "common-harms", "question": "What are the common side effects?", "topic": "harms", "concerns": ["side-effects"], "kind": "harm", "cells": {
  K: cell("No comparable figure. Nothing new is added, so there are no new side effects. Any side effects of your current treatment go on. (In CoBalT, usual care meant staying on antidepressants.)", ["wiles-2013"], 'not_known'),
  M: cell("No comparable figure across these medicines. Added antipsychotics such as aripiprazole or quetiapine can cause restlessness (akathisia), sleepiness, weight gain and changes in blood sugar and fats. More people stopped because of side effects than on a placebo.", ["spielmans-2013", "nelson-2009"]),
  T: cell("No comparable figure: the trial reports this guide uses give no side-effect counts for CBT.", ["wiles-2013"], 'not_known'),
  R: cell("No comparable figure for each side effect. Headache and pain where the coil sits are the most common. In THREE-D, 6 to 8 in 100 stopped treatment early.", ["blumberger-2018", "rtms-safety-2008"]),
  E: cell("Memory problems soon after are common. In a Swedish register, 26 in 100 said their memory was worse within a week after ECT. In KetECT, headache affected {{ketect-headache}}.", ["brus-2017", "ketect-2022"]),
  S: cell("Very common on dosing days. In ASPIRE II, over 4 weeks: dissociation, {{aspire2-dissociation}}; dizziness, {{aspire2-dizziness}}; nausea, {{aspire2-nausea}}.", ["ionescu-2021"]),
  I: cell("Common during and just after the drip. In KetECT: dissociation, {{ketect-dissociation}}; vertigo, {{ketect-vertigo}}. Blood pressure and heart rate rise for a short time.", ["ketect-2022", "szarmach-2020"]),
 }},
 {"id": "serious-harms", "question": "What are the serious risks?", "topic": "harms", "concerns": ["side-effects"], "kind": "harm", "cells": {
  K: cell("No comparable figure. Staying the same is not free of risk, because depression itself can be serious. If you have thoughts of suicide, call or text 988 in the US, or call 116 123 in the UK and Ireland.", ["who-2023", "988-coverage", "samaritans-website"], 'not_known'),
  M: cell("No comparable figure for most risks. All antidepressants carry a warning about suicidal thoughts in young people: in trials, 14 more in 1,000 under-18s had them than on a placebo, and 5 more in 1,000 aged 18 to 24.", ["spravato-pi"]),
  T: cell("No comparable figure: the summaries this guide uses report no serious harms from CBT.", ["wiles-2013"], 'not_known'),
  R: cell("Seizures are rare: about 0.7 in 1,000 people treated (0.31 in 10,000 sessions). You are awake, and no anaesthetic is needed.", ["taylor-2021", "rtms-safety-2008"]),
  E: cell("Each session needs a general anaesthetic. Some people have lasting gaps in their memory of past events, more often with some ways of giving ECT. In KetECT, serious events happened to {{ketect-serious-events}}.", ["core-husain-2004", "sackeim-2007", "ketect-2022"]),
  S: cell("Large blood-pressure rises in the first 4 weeks: {{bp-large-rise-esketamine}} on esketamine, against {{bp-large-rise-placebo}} on placebo. Rarely, slowed breathing: {{resp-depression-postmarketing}}. It can be misused.", ["spravato-pi", "chepke-2024", "nhs-sps-2023"]),
  I: cell("No comparable figure from a large placebo-controlled trial. Risks include short rises in blood pressure, misuse, and harm to the bladder and liver with repeated or long-term use. In KetECT, serious events happened to {{ketect-serious-events}}.", ["short-2018", "ketalar-us-label", "ketect-2022"]),
 }},
 {"id": "visits", "question": "What visits and time does it take?", "topic": "practical", "concerns": ["visit-time"], "kind": "burden", "cells": {
  K: cell("Your usual appointments. In CoBalT, usual care meant staying on antidepressants with visits to a family doctor.", ["wiles-2013"]),
  M: cell("Usual prescribing visits. Trials check whether it has worked after 6 to 12 weeks.", ["spielmans-2013", "vast-d-2017"]),
  T: cell("In CoBalT: 12 sessions of 50 to 60 minutes, with up to 6 more if needed.", ["wiles-2013"]),
  R: cell("A visit every weekday for 4 to 6 weeks (20 to 30 sessions). A session takes up to about 40 minutes for standard rTMS, or about 3 minutes for theta burst.", ["perera-2016", "blumberger-2018"]),
  E: cell("2 to 3 visits a week, each with a general anaesthetic. ELEKT-D gave 3 a week for 3 weeks. In KetECT, people needed a median of 6 sessions to reach remission.", ["core-husain-2004", "anand-2023", "ketect-2022"]),
  S: copy.deepcopy(rc['course']['cells']['nasal']),
  I: copy.deepcopy(rc['course']['cells']['iv']),
 }},
 {"id": "cost", "question": "What does it cost in the US?", "topic": "practical", "concerns": ["cost"], "kind": "cost", "cells": {
  K: cell("No new cost: you keep the care you have now. This guide has no price source for it.", ["guide-evidence-review-2026"], 'not_known'),
  M: cell("Not known: this guide found no reliable US price.", ["guide-evidence-review-2026"], 'not_known'),
  T: cell("Not known in the US. In the UK, CBT in CoBalT cost about £343 a year per person.", ["wiles-2016"], 'price', '2016'),
  R: cell("Not known: this guide found only clinic advertising, not a reliable US price.", ["guide-evidence-review-2026"], 'not_known'),
  E: cell("Not known: this guide found only clinic advertising, not a reliable US price.", ["guide-evidence-review-2026"], 'not_known'),
  S: copy.deepcopy(rc['cost']['cells']['nasal']),
  I: copy.deepcopy(rc['cost']['cells']['iv']),
 }},
 {"id": "who-cannot", "question": "Who cannot have it?", "topic": "evidence", "concerns": [], "kind": "fact", "cells": {
  K: cell("No one is ruled out. But if your treatment is not helping enough, that is worth raising with your clinician.", ["gaynes-2020"], 'not_known'),
  M: cell("Not known from the sources this guide uses: each medicine has its own label and cautions. Ask your prescriber.", ["guide-evidence-review-2026"], 'not_known'),
  T: cell("No firm rule. The CoBalT trial left out people with bipolar disorder, psychosis, major alcohol or drug problems, or pregnancy.", ["wiles-2013"]),
  R: cell("People at higher risk of seizures need careful checks first.", ["rtms-safety-2008"]),
  E: cell("Not known from the sources this guide uses. Each session needs a general anaesthetic, so you need a check that this is safe for you.", ["guide-evidence-review-2026", "core-husain-2004"], 'not_known'),
  S: copy.deepcopy(rc['who-should-not']['cells']['nasal']),
  I: copy.deepcopy(rc['who-should-not']['cells']['iv']),
 }},
 {"id": "certainty", "question": "How sure is the evidence?", "topic": "evidence", "concerns": ["evidence"], "kind": "fact", "cells": {
  K: cell("Some evidence. The comparison groups of many trials show what happens without the new treatment, but not on exactly the same treatment.", ["jones-2021"]),
  M: cell("Many placebo-controlled trials show a modest benefit from adding an antipsychotic. The evidence for lithium is older and smaller.", ["nelson-2009", "bauer-1999"]),
  T: cell("One large trial (CoBalT). Everyone knew which treatment they had, as is usual for talking therapy.", ["wiles-2013"]),
  R: cell("Many sham-controlled trials for standard rTMS. A newer 5-day form (SNT) rests on two small trials from the group that developed it.", ["berlim-2014", "kratter-2026"]),
  E: cell("Strong evidence that ECT works in the short term. Less certain about long-term effects on memory.", ["core-husain-2004", "semple-2024", "sackeim-2007"], 'well_studied'),
  S: copy.deepcopy(rc['evidence-strength']['cells']['nasal']),
  I: copy.deepcopy(rc['evidence-strength']['cells']['iv']),
 }},
]
g['options_comparison'] = {
 "caption": "Ketamine and the other options, compared question by question",
 "intro": "This table sets ketamine and esketamine beside the other main options for depression that has not got better enough. It does not rank them or say which one to choose.",
 "caution": {"text": "The figures come from different trials, in different people, measured in different ways and at different times. They are not directly comparable. Use them to see the kind of benefit and harm each option has, and talk them over with your clinician.", "cite": ["jones-2021", "stard-rush-2006"]},
 "routes": [
  {"id": K, "name": "Keeping your current treatment", "short_name": "Keep current", "description": "Staying on the treatment you have now, and reviewing it with your clinician."},
  {"id": M, "name": "Switching or adding a medicine", "short_name": "Medicine change", "description": "Changing to another antidepressant, or adding a second medicine such as aripiprazole, quetiapine or lithium (called augmentation)."},
  {"id": T, "name": "Talking therapy (CBT)", "short_name": "Talking therapy", "description": "Cognitive behavioural therapy with a therapist, usually added to the antidepressant you already take."},
  {"id": R, "name": "rTMS, including theta burst", "short_name": "rTMS", "description": "Repetitive transcranial magnetic stimulation: a magnetic coil held against your head stimulates the brain while you are awake. Theta burst is a shorter form."},
  {"id": E, "name": "Electroconvulsive therapy (ECT)", "short_name": "ECT", "description": "A brief electric current causes a controlled seizure while you are under a general anaesthetic, usually 2 or 3 times a week."},
  {"id": S, "name": "Esketamine nasal spray (Spravato)", "short_name": "Nasal spray", "description": "An approved nasal spray, used in a certified clinic where you are watched for at least 2 hours."},
  {"id": I, "name": "IV ketamine", "short_name": "IV ketamine", "description": "Ketamine given as a slow drip into a vein in a clinic. It is not approved for depression (off-label)."},
 ],
 "topics": [{"id": "benefit", "label": "Benefits"}, {"id": "harms", "label": "Harms"}, {"id": "practical", "label": "Time and cost"}, {"id": "evidence", "label": "Who and how sure"}],
 "concerns": [{"id": "fast-relief", "label": "Fast relief"}, {"id": "lasting-benefit", "label": "Lasting benefit"}, {"id": "side-effects", "label": "Side effects"}, {"id": "visit-time", "label": "Time and visits"}, {"id": "cost", "label": "Cost"}, {"id": "evidence", "label": "Strength of evidence"}],
 "rows": rows,
}

# The decision box at the top of "Start here".
start = next(s for s in g['sections'] if s['id'] == 'start-here')
start['decision'] = {"heading": "The decision you face", "points": [
 {"text": "Whether to try ketamine or esketamine now, and if so in which form. Or to try another option, or to keep your current treatment."},
 {"text": "You make this choice, together with your clinician."},
 {"text": "Unless you are in crisis, there is time to decide. You can read, ask questions and talk to people you trust first."},
 {"text": "Every option has benefits and harms. That includes making no change. “Ketamine and the other options” sets them side by side."},
]}

# The new section, after "compare".
idx = next(i for i, s in enumerate(g['sections']) if s['id'] == 'compare')
g['sections'].insert(idx + 1, {
 "id": "options", "title": "Ketamine and the other options", "kind": "options_comparison",
 "summary": [
  {"text": "Ketamine and esketamine are not the only choices when depression has not lifted. Other options are to keep your current treatment, change or add a medicine, try talking therapy, or have magnetic brain stimulation (rTMS) or ECT. The table below asks the same questions of each one.", "cite": ["jones-2021", "wiles-2013", "berlim-2014", "anand-2023"]},
  {"text": "The numbers come from different trials. The people, the time frames and the ways of measuring were not the same. So the numbers cannot be compared directly. The table does not rank the options or say which one to choose.", "cite": ["jones-2021"]},
  {"text": "Below the table, you can note which way you are leaning and check how sure you feel. Both go into “My summary”, which you can take to your clinician."},
 ],
 "detail": [
  {"type": "heading", "text": "Why the numbers are hard to compare"},
  {"type": "paragraph", "text": "People given a placebo or a sham treatment in these trials often improve too. Across 50 trials in treatment-resistant depression, about 13 to 16 in 100 were in remission on a placebo or sham. The placebo effect was smaller in people who had already tried more treatments.", "cite": ["jones-2021"]},
  {"type": "paragraph", "text": "The chance of remission also falls with each treatment that has not worked. In STAR*D, about 37 in 100 reached remission with the first medicine, and about 13 in 100 at the fourth step.", "cite": ["stard-rush-2006"]},
  {"type": "paragraph", "text": "Trials also measured different things. Response means a depression score fell by at least half. Remission means few or no symptoms were left. Some trials lasted 4 weeks and others 6 months.", "cite": ["wiles-2013", "popova-2019"]},
  {"type": "heading", "text": "Two options, drawn as 100 people"},
  {"type": "icon_array", "id": "ia-rtms-remission", "title": "rTMS: in remission after about 13 sessions (29 trials)", "text": "About 19 in 100 were in remission after rTMS, against 5 in 100 after a sham treatment. That is about 14 more people in 100. These trials used standard rTMS, every weekday for 2 to 3 weeks.", "cite": ["berlim-2014"], "groups": [
    {"label": "rTMS", "value": 19, "yes": "were in remission", "no": "were not"},
    {"label": "Sham (fake) rTMS", "value": 5, "yes": "were in remission", "no": "were not"}]},
  {"type": "icon_array", "id": "ia-cobalt-response", "title": "CoBalT: much better (response) at 6 months", "text": "{{cobalt-response-cbt}} who added CBT to usual care were much better at 6 months, against 22 in 100 with usual care alone. That is 24 more people in 100.", "cite": ["wiles-2013"], "groups": [
    {"label": "CBT added to usual care", "value": 46, "yes": "were much better", "no": "were not"},
    {"label": "Usual care alone", "value": 22, "yes": "were much better", "no": "were not"}]},
 ],
 "questions": [
  "Which of these options could work for me, given what I have tried already?",
  "What would happen if I kept my current treatment for now?",
  "Which option fits my health, my time and what I can pay?",
 ],
})

# The help to deliberate.
g['deliberation'] = {
 "heading": "Weighing your choice",
 "intro": "These questions are for you. There are no right answers, and nothing you choose here is a decision. It helps you and your clinician see where you are.",
 "leaning_legend": "Where am I leaning?",
 "leanings": [
  {"id": "esketamine", "label": "Esketamine nasal spray"},
  {"id": "iv-ketamine", "label": "IV ketamine"},
  {"id": "oral-ketamine", "label": "Oral ketamine"},
  {"id": "another-option", "label": "Another option"},
  {"id": "keep-current", "label": "Keep my current treatment"},
  {"id": "not-sure", "label": "Not sure yet"},
 ],
 "sure_heading": "Are you SURE? Four questions",
 "sure_intro": {"text": "The SURE test is four yes-or-no questions from a 2010 study. If you answer “no” to any of them, you may not be ready to decide yet. That is common, and there are steps that can help.", "cite": ["legare-2010"]},
 "sure": [
  {"id": "sure", "question": "Do you feel SURE about the best choice for you?", "next_step": "Feeling unsure is normal. Ask your clinician: “What would you want me to think about before choosing?” You can take more time.", "link": {"label": "Read “Start here” again", "href": "#start-here"}},
  {"id": "understand", "question": "Do you know the benefits and risks of each option?", "next_step": "Go back over the table of options, and ask your clinician to go through the benefits and risks that apply to you.", "link": {"label": "Read “Ketamine and the other options”", "href": "#options"}},
  {"id": "risks", "question": "Are you clear about which benefits and risks matter most to you?", "next_step": "Try marking what matters most to you in the table, such as fast relief or lasting benefit. Ask your clinician how each option does on those.", "link": {"label": "Read “Side effects and risks”", "href": "#side-effects"}},
  {"id": "encouragement", "question": "Do you have enough support and advice to make a choice?", "next_step": "Ask someone you trust to come to your next appointment. Ask your clinician who else you could talk to.", "link": {"label": "See “Questions to ask”", "href": "#questions"}},
 ],
 "sure_all_yes": "You answered “yes” to all four. You may feel ready to talk about a choice with your clinician.",
 "sure_not_yet": "Fewer than four “yes” answers is common. It means the decision may not feel settled yet. These steps may help:",
}

# Icon arrays beside the text they illustrate.
def insert_after(section_id, start_text, block):
    s = next(s for s in g['sections'] if s['id'] == section_id)
    i = next(i for i, b in enumerate(s['detail']) if b.get('text', '').startswith(start_text))
    s['detail'].insert(i + 1, block)

insert_after('effectiveness', 'Note that the placebo group was not', {"type": "icon_array", "id": "ia-transform2-remission", "title": "TRANSFORM-2: in remission after 4 weeks", "text": "After 4 weeks, {{transform2-remission-esketamine}} on esketamine spray plus a new antidepressant were in remission, against {{transform2-remission-placebo}} on a dummy spray plus a new antidepressant. That is 21.5 more people in 100.", "cite": ["popova-2019"], "groups": [
  {"label": "Esketamine spray and a new antidepressant", "value": 52.5, "yes": "were in remission", "no": "were not"},
  {"label": "Dummy spray and a new antidepressant", "value": 31, "yes": "were in remission", "no": "were not"}]})
insert_after('effectiveness', 'This design tells you about staying on esketamine', {"type": "icon_array", "id": "ia-sustain1-relapse", "title": "SUSTAIN-1: depression came back (relapse), people in remission", "text": "Among people whose depression had gone away on esketamine, {{sustain1-relapse-esketamine}} who stayed on it relapsed during the trial, against {{sustain1-relapse-placebo}} switched to a dummy spray. That is 18 fewer people in 100.", "cite": ["daly-2019"], "groups": [
  {"label": "Stayed on esketamine", "value": 27, "yes": "relapsed", "no": "did not"},
  {"label": "Switched to a dummy spray", "value": 45, "yes": "relapsed", "no": "did not"}]})
insert_after('effectiveness', 'ESCAPE-TRD (published 2023)', {"type": "icon_array", "id": "ia-escape-remission", "title": "ESCAPE-TRD: in remission at 8 weeks", "text": "At 8 weeks, {{escape-remission-esketamine}} on esketamine spray were in remission, against {{escape-remission-quetiapine}} on quetiapine. Both were added to an antidepressant. That is about 9 more people in 100.", "cite": ["reif-2023"], "groups": [
  {"label": "Esketamine spray", "value": 27, "yes": "were in remission", "no": "were not"},
  {"label": "Quetiapine", "value": 18, "yes": "were in remission", "no": "were not"}]})
insert_after('effectiveness', 'So the two trials that compared ketamine with ECT', {"type": "icon_array", "id": "ia-ketamine-ect", "title": "IV ketamine and ECT: two trials, two answers", "text": "In ELEKT-D, {{elektd-response-ketamine}} responded to ketamine after 3 weeks, against {{elektd-response-ect}} to ECT: about 14 more in 100 with ketamine. In KetECT, {{ketect-remission-ect}} reached remission with ECT, against {{ketect-remission-ketamine}} with ketamine: about 17 more in 100 with ECT. The trials measured different things (response, remission) in different people, so both results are shown.", "cite": ["anand-2023", "ketect-2022"], "groups": [
  {"label": "ELEKT-D, IV ketamine", "value": 55, "yes": "responded", "no": "did not"},
  {"label": "ELEKT-D, ECT", "value": 41, "yes": "responded", "no": "did not"},
  {"label": "KetECT, IV ketamine", "value": 46, "yes": "were in remission", "no": "were not"},
  {"label": "KetECT, ECT", "value": 63, "yes": "were in remission", "no": "were not"}]})
insert_after('side-effects', 'Dizziness: about', None) if False else None
s = next(s for s in g['sections'] if s['id'] == 'side-effects')
i = next(i for i, b in enumerate(s['detail']) if b['type'] == 'list' and b['items'][0]['text'].startswith('Dizziness'))
s['detail'].insert(i + 1, {"type": "icon_array", "id": "ia-dissociation", "title": "ASPIRE II: dissociation over 4 weeks of doses", "text": "Dissociation was reported in {{aspire2-dissociation}}. That is about 31 more people in 100. It usually starts soon after a dose and fades within hours.", "cite": ["ionescu-2021", "popova-2019"], "groups": [
  {"label": "Esketamine spray", "value": 39, "yes": "had dissociation", "no": "did not"},
  {"label": "Dummy spray", "value": 8, "yes": "had dissociation", "no": "did not"}]})
insert_after('side-effects', 'Large rises were more common in older adults', {"type": "icon_array", "id": "ia-blood-pressure-older", "title": "TRANSFORM-3: a large rise in blood pressure, people aged 65 and over", "text": "In this 4-week trial, the top number of blood pressure rose by at least 40 points in {{bp-large-rise-older}}. That is 15 more people in 100.", "cite": ["spravato-pi"], "groups": [
  {"label": "Esketamine spray", "value": 17, "yes": "had a large rise", "no": "did not"},
  {"label": "Dummy spray", "value": 2, "yes": "had a large rise", "no": "did not"}]})

open(P, 'w').write(json.dumps(g, indent=2, ensure_ascii=False) + "\n")
