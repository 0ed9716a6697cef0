"""Who said what: shapes of speech, speakers, spans; the seeds' statements issue 14 names."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.analyze.entities import EntityMention, article_entities, entity_text
from marsad.analyze.ner.tagger import Mention
from marsad.analyze.quotes import Quote, find_quotes
from marsad.arabic.normalize import normalize


def quotes(text: str) -> list[Quote]:
    return find_quotes(text, article_entities(text))


def test_direct_speech_after_a_colon_with_its_speaker() -> None:
    text = "وقالت وزارة الخارجية العراقية في بيان: «إن الجولة الأولى من الحوار بدأت اليوم»."
    (q,) = quotes(text)
    assert q.speaker == "وزارة الخارجية العراقية" and q.direct and not q.implicit
    assert text[q.start : q.end] == q.text == "إن الجولة الأولى من الحوار بدأت اليوم"


def test_reported_speech_after_anna_runs_to_the_end_of_the_sentence() -> None:
    text = "وقال وزير الخارجية العراقي، فؤاد حسين، إن الحوار مع واشنطن يحظى باهتمام كبير. وانتهى."
    (q,) = quotes(text)
    assert q.speaker == "فؤاد حسين" and not q.direct
    assert q.text == "الحوار مع واشنطن يحظى باهتمام كبير"


def test_whom_it_was_said_to_is_not_the_speaker() -> None:
    text = (
        "وكان كارتر قال للملك سلمان في وقت سابق أمام الصحفيين إن الرئيس باراك أوباما "
        "يتطلع للقائه في سبتمبر."
    )
    (q,) = quotes(text)
    assert q.speaker == "كارتر" and q.text.startswith("الرئيس باراك أوباما")
    told = "وروى لي الأستاذ أسامة سرايا، رئيس تحرير الأهرام الأسبق، أن أنيس كتب سلسلة من الأعمدة."
    (q,) = quotes(told)
    assert q.speaker is not None and "سرايا" in q.speaker
    after = "وقال للصحفيين المتحدث باسم وزارة الخارجية أحمد حافظ إن الوزير سيزور بغداد قريبا."
    (q,) = quotes(after)
    assert q.speaker is not None and "أحمد حافظ" in q.speaker


def test_a_continuation_keeps_the_speaker_before() -> None:
    text = (
        "وقال كيربي إن «التحقيقات لا تزال جارية حول الهجوم»، لافتاً إلى أن «أي رد سيكون "
        "بالتنسيق مع الحكومة». وأضاف: «لدينا الحق في الدفاع عن أنفسنا»."
    )
    found = quotes(text)
    assert [q.speaker for q in found] == ["كيربي"] * 3
    assert [q.implicit for q in found] == [False, True, True]


def test_no_quote_without_speech_after_the_verb() -> None:
    assert quotes("أعلنت وزارة الخارجية العراقية، اليوم، بدء أولى جولات المفاوضات.") == []
    assert quotes("يذكر أن الهجمات تكررت في القضاء خلال الأسبوع الماضي.") == []  # no one speaks


def test_a_subject_before_the_verb_speaks() -> None:
    text = "وكانت مصادر عراقية مطلعة قد أكدت في وقت سابق أمس، أن المهمة ستتحول إلى علاقات ثنائية."
    (q,) = quotes(text)
    assert q.speaker == "مصادر عراقية مطلعة"


def test_a_name_in_marks_before_the_speech_is_not_the_quote() -> None:
    text = (
        'وأكد اللواء تحسين الخفاجي، في تصريح لمراسلة "سبوتنيك"، "الاستعانة بقوات التحالف المتبقية".'
    )
    (q,) = quotes(text)
    assert q.text == "الاستعانة بقوات التحالف المتبقية" and q.speaker == "تحسين الخفاجي"


def test_nested_marks_close_at_their_pair() -> None:
    text = "وأضاف الخفاجي: «الضربات الجوية تستهدف «داعش» في الصحراء الغربية»."
    (q,) = quotes(text)
    assert q.text == "الضربات الجوية تستهدف «داعش» في الصحراء الغربية"


# The seeds: the statements issue 14 names, each with the right speaker.
STATEMENTS = [
    ("000", "إن الوكيل الأقدم السفير", "وزارة الخارجية العراقية"),
    ("000", "التحالف الدولي موجود في العراق", "الخفاجي"),
    ("000", "ترحب بموافقة البرلمان العراقي", "زاخاروفا"),
    ("003", "الحوار الاستراتيجي بين العراق والولايات المتحدة", "الكاظمي"),
    ("004", "كما أكدنا العمل لمواصلة الحوار", "الكاظمي"),
    ("004", "سنحمّل إيران المسؤولية", "نيد برايس"),
    ("004", "الهجمات على سفارتنا في بغداد خطيرة", "كيربي"),
]


@pytest.mark.parametrize(("seed", "said", "speaker"), STATEMENTS)
def test_seed_statements_have_their_speakers(
    seeds: Path, seed: str, said: str, speaker: str
) -> None:
    (path,) = seeds.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    found = [q for q in quotes(text) if said in q.text]
    assert found, f"no quote holds {said!r}"
    assert normalize(speaker) in normalize(found[0].speaker or "")


def test_a_title_with_its_full_stop_does_not_end_the_sentence() -> None:
    text = "وأوضح وكيل الوزارة للتفتيش د. عبدالله أبوثنين، أن الوزارة ستعمل مع الجهات المعنية."
    (q,) = quotes(text)
    assert q.text == "الوزارة ستعمل مع الجهات المعنية"


def test_a_noun_written_like_a_speech_verb_opens_no_quote() -> None:
    # «نقل» is the verb where a clause opens, the noun (a transfer) after another word
    assert quotes("تعبئة نموذج طلب نقل كفالة: يجب مراجعة مكتب العمل وإرسال الخطاب") == []
    (q,) = quotes("ونقل المتحدث عن الوزير أن الزيارة ستتم في موعدها المحدد.")
    assert q.text == "الزيارة ستتم في موعدها المحدد"


def test_participles_and_verbs_of_news_speech() -> None:
    text = (
        "وقال المتحدث إن «الحدود آمنة تماما الآن»، قائلا إن القوات منتشرة على طول الخط. "
        "وأبان المتحدث أن المساعدات ستصل إلى المديريات كلها."
    )
    found = quotes(text)
    assert [q.verb for q in found] == ["وقال", "قائلا", "وأبان"]
    assert found[1].implicit and found[1].speaker == found[0].speaker


def test_denials_warnings_and_forecasts_are_speech() -> None:
    text = (
        "ونفت الجامعة أن تكون لها صلة بالحادثة في الحرم. وتوقع الغامدي أن تهطل أمطار غزيرة "
        "على المرتفعات، مبينة الهيئة أن الحالة تستمر يومين. ونبه الدفاع المدني إلى أن "
        "السيول خطرة جدا."
    )
    assert [q.verb for q in quotes(text)] == ["ونفت", "وتوقع", "مبينة", "ونبه"]
    # «توقع الطقس» (the forecast) is the noun, «ودعت» (bade farewell) no speech verb, «أمله»
    # (his hope) no participle, «روت» a name too
    assert quotes("نشرة توقع الطقس: أن الأمطار غزيرة على المرتفعات الجنوبية اليوم") == []
    listed = (
        "وأكد المدير أن المركز يقدم ثلاث خدمات: رصد الزلازل، توقع الطقس، وإنذار السكان بأن "
        "السيول قادمة."
    )
    (q,) = quotes(listed)
    assert q.verb == "وأكد" and q.text.endswith("السيول قادمة")
    assert quotes("ودعت الجماهير اللاعب بأن رفعت صوره في المدرجات الشمالية للملعب.") == []
    assert quotes("وكان المريض قد فقد أمله بأن يشفى من المرض الخطير قريبا.") == []
    ruth = "وكانت روت، زوجة الضحية، قد أكدت للشرطة أن زوجها غادر المنزل مساء الجمعة."
    assert [(q.verb, q.speaker) for q in quotes(ruth)] == [("أكدت", "روت")]


def test_a_present_verb_after_a_comma_does_not_cut_what_is_said() -> None:
    (q,) = quotes("أوضح المدير أنه تم التحقق من البلاغات، وتبين له تعثر خمسة مشاريع.")
    assert q.text.endswith("وتبين له تعثر خمسة مشاريع")


def test_bayyana_with_its_shadda_is_the_verb() -> None:
    (q,) = quotes("وبيّن أن المصاب توفي بعد وصوله إلى المستوصف القريب.")
    assert q.text == "المصاب توفي بعد وصوله إلى المستوصف القريب"
    assert quotes("وبين أن المصاب توفي بعد وصوله إلى المستوصف القريب.") == []


def people(text: str, *names: str) -> list[EntityMention]:
    """The people ``names``, as the entity stage would give them for ``text``."""
    found = []
    for name in names:
        start = text.index(name)
        found.append(EntityMention(start, start + len(name), "PER", name, normalize(name)))
    return found


def test_the_name_apposed_to_a_role_is_the_speaker_not_a_name_inside_the_role() -> None:
    text = (
        "وأكد المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، في "
        "تصريح صحفي، أن السفينة تحمل ثلاثة آلاف طن من المواد الغذائية."
    )
    (q,) = find_quotes(text, people(text, "سلمان", "رأفت الصباغ"))
    assert q.speaker == "رأفت الصباغ"
    # a word that ends the role keeps the first name: «من» before a place the tagger took
    # for a person
    text = "وأورد بولاك وزملاؤه من جامعة ويسكونسن - ماديسون، في تقرير أن الفجوة تتسع كل عام."
    (q,) = find_quotes(text, people(text, "بولاك", "ماديسون"))
    assert q.speaker == "بولاك"


def test_pious_formulas_are_no_names() -> None:
    text = "وأكد سموه -حفظه الله- اعتزاز المملكة بأبنائها، ونقل تعازي الملك -أيده الله- لهم."
    assert not [e for e in article_entities(text) if e.name.startswith(("حفظه", "أيده"))]
    # as written: the name «رحمة» is not the formula «رحمه»
    named = "رحمة الحمدان"
    start = len("وقالت ")
    mentions = [Mention(start, start + len(named), "PER", named)]
    assert [e.name for e in article_entities("وقالت رحمة الحمدان إن الموسم بدأ.", mentions)] == [
        named
    ]


def test_a_verb_like_noun_rule_stops_at_its_sentence() -> None:
    # «كشف» opening a body after its title's line is the verb, not the noun after «القرار»
    text = entity_text(
        "الحكومة تدرس القرار", "كشف مصدر مطلع في وزارة المالية أن الحكومة ستعلن القرار غدا."
    )
    (q,) = quotes(text)
    assert q.verb == "كشف" and q.text == "الحكومة ستعلن القرار غدا"


def test_a_year_marker_is_no_title() -> None:
    # «م.» after a year ends its sentence: the next sentence's verb opens the quote
    (q,) = quotes("وأشار التقرير الصادر في عام 1990 م. وأكد الوزير أن الوضع مستقر تماما هناك.")
    assert q.verb == "وأكد" and q.speaker == "الوزير"
    (q,) = find_quotes("وقال د. عبدالله إن الوضع مستقر تماما في المنطقة كلها.", [])
    assert q.speaker == "د. عبدالله"


def test_a_person_spoken_to_or_beside_is_not_the_speaker() -> None:
    text = (
        "وقال الرئيس الأمريكي دونالد ترامب للرئيس الروسي فلاديمير بوتين، خلال اتصال هاتفي، إن "
        "العلاقات ستتحسن كثيرا."
    )
    (q,) = find_quotes(text, people(text, "دونالد ترامب", "فلاديمير بوتين"))
    assert q.speaker == "دونالد ترامب"
    text = (
        "وقال وزير الخارجية سامح شكري ونظيره الأمريكي جون كيري، في مؤتمر صحفي، إن المحادثات "
        "كانت مثمرة."
    )
    (q,) = find_quotes(text, people(text, "سامح شكري", "جون كيري"))
    assert q.speaker == "سامح شكري"


def test_what_a_verb_conveys_is_not_its_speaker() -> None:
    text = (
        "وزار الأمير خالد المصابين في المستشفى. ونقل إليهم تمنيات ودعوات القيادة بأن يمن الله "
        "عليهم بالشفاء العاجل."
    )
    (q,) = find_quotes(text, people(text, "الأمير خالد"))
    assert q.speaker == "الأمير خالد" and q.implicit
    assert q.text == "يمن الله عليهم بالشفاء العاجل"


def test_someone_spoken_to_or_beside_a_speaker_written_first_is_not_the_speaker() -> None:
    text = (
        "قالت دول الخليج العربية لوزير الخارجية الأميركي جون كيري أمس، إن الاتفاق النووي يجب "
        "أن يكون سببا في الاستقرار."
    )
    (q,) = find_quotes(text, people(text, "جون كيري"))
    assert q.speaker == "دول الخليج العربية"
    text = "وقال الوزير في مؤتمر صحفي مع جون كيري إن المحادثات كانت مثمرة."
    (q,) = find_quotes(text, people(text, "جون كيري"))
    assert q.speaker == "الوزير"
    text = "وقال في مؤتمر صحفي مع نظيره وزير الخارجية عادل الجبير إن المحادثات كانت مثمرة."
    (q,) = find_quotes(text, people(text, "عادل الجبير"))
    assert q.speaker == "عادل الجبير"  # written after a preposition: the speaker still
    text = "وأكدت الداخلية الكويتية بحسب وكالة الأنباء الكويتية أنها لن تتهاون مع أحد."
    org = EntityMention(text.index("وكالة"), text.index(" أنها"), "ORG", "وكالة", "وكاله")
    (q,) = find_quotes(text, [org])
    assert q.speaker == "الداخلية الكويتية"  # the agency reports what the ministry said


def test_a_participle_of_warning_continues_the_quote() -> None:
    text = (
        "وقال باكيز إن الوضع خطير في المكاتب كلها، منبهاً إلى أن هذا الأمر يوقع الشهادات تحت "
        "الأنظار."
    )
    found = find_quotes(text, people(text, "باكيز"))
    assert [q.verb for q in found] == ["وقال", "منبهاً"] and found[1].speaker == "باكيز"


def test_who_declined_to_comment_says_what_the_participle_brings() -> None:
    text = (
        "ورفض ممثلو الأمن العام التعليق اليوم الاثنين قائلين إنه ليس لديهم المزيد من المعلومات. "
        "كما امتنعت الشركة عن التعليق قائلة إن التحقيق لا يزال مستمرا."
    )
    first, second = find_quotes(text, [])
    assert first.speaker == "ممثلو الأمن العام" and second.speaker == "الشركة"


def test_a_king_a_centre_is_named_after_is_not_the_speaker() -> None:
    text = (
        "وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن "
        "هذه الرحلة خصصت للمواد الطبية."
    )
    (q,) = find_quotes(text, people(text, "سلمان"))  # the tagger missed the spokesman
    assert q.speaker is not None and q.speaker.endswith("رأفت الصباغ")
    text = "وقال الملك سلمان إن المملكة ماضية في طريقها."
    (q,) = find_quotes(text, people(text, "سلمان"))
    assert q.speaker == "سلمان"  # the king himself, where nothing is named after him


def test_dots_of_an_abbreviation_in_brackets_do_not_end_the_sentence() -> None:
    text = (
        "قال مكتب التحقيقات الاتحادي الأمريكي (إف. بي. أي.) إن كمانا أثريا عاد إلى أسرة "
        "مالكه. وقال آخرون. إن"
    )
    found = find_quotes(text, [])
    assert [q.text for q in found] == ["كمانا أثريا عاد إلى أسرة مالكه"]
    assert found[0].speaker is not None and found[0].speaker.startswith("مكتب التحقيقات")


def test_a_participle_continues_who_the_sentence_is_about() -> None:
    text = (
        "أجرى الأمير متعب بن عبد الله اتصال عزاء بوالد الشهيد ماجد بن فهد السبيعي، داعياً "
        "المولى عز وجل أن يتغمده برحمته ومغفرته."
    )
    (q,) = find_quotes(text, people(text, "متعب بن عبد الله", "ماجد بن فهد السبيعي"))
    assert q.verb == "داعياً" and q.speaker == "متعب بن عبد الله" and q.implicit


def test_new_speech_words_of_the_fourth_round() -> None:
    text = "وتساءلوا: ما النسبة المطلوبة حتى تستطيع الطالبة دخول كلية الطب؟"
    (q,) = find_quotes(text, [])
    assert q.verb == "وتساءلوا"
    text = (
        "وقال الأمير فيصل إن المنطقة تعيش أفضل حالاتها، مبدياً تفاؤله بأن هذا الحادث بداية النهاية."
    )
    found = find_quotes(text, people(text, "فيصل"))
    assert [q.verb for q in found] == ["وقال", "مبدياً"] and found[1].speaker == "فيصل"


def test_with_no_one_named_the_subject_of_the_sentence_speaks() -> None:
    text = (
        "صدقت جهات رقابية أوروبية في مجال الأدوية على عقار جديد لعلاج الملاريا وقالت إنه آمن "
        "وفعال لاستخدامه لدى الأطفال."
    )
    (q,) = find_quotes(text, [])
    assert q.speaker == "جهات رقابية أوروبية" and q.implicit
    text = (
        "كشف خبير بالهواتف الذكية طريقة استعادة الملفات، مشيراً إلى أن كثيراً من المستخدمين "
        "يحذفون صورهم خطأ."
    )
    (q,) = find_quotes(text, [])
    assert q.speaker is not None and q.speaker.startswith("خبير بالهواتف الذكية")


def test_what_is_carried_from_someone_is_theirs() -> None:
    text = (
        'ونقلت الصحيفة عن ديف ريد مدير "آفجين ليمتد"، قوله: حسب بيانات التصنيع فالطائرة تتطلب '
        "ممراً طويلاً."
    )
    (q,) = find_quotes(text, people(text, "ديف ريد"))
    assert q.speaker == "ديف ريد"


def test_a_name_in_marks_before_the_speech_is_the_speaker_not_the_quote() -> None:
    text = (
        'وقال مدير مركز الملك سلمان للإغاثة "عبد الله الربيعة": إن قوافل بحرية تحمل مساعدات قد '
        "بدأت بالتحرك إلى ميناء عدن."
    )
    (q,) = find_quotes(text, [])
    assert q.text.startswith("إن قوافل بحرية") and q.speaker == "مدير مركز الملك سلمان للإغاثة"


def test_an_outlet_told_and_a_time_after_the_verb_are_not_the_speaker() -> None:
    text = 'وأبلغ مسؤول حكومي آخر وكالة أنباء "رويترز" بأن نحو نصف العربات منتشرة الآن.'
    (q,) = find_quotes(text, [])
    assert q.speaker == "مسؤول حكومي آخر"
    text = "وقال صالح بحسب هافنغتون بوست عربي إن العلاقات بينه وبين المسؤولين لا تزال قائمة."
    tagged = people(text, "صالح بحسب هافنغتون بوست")  # the tagger ran the name on
    (q,) = find_quotes(text, tagged)
    assert q.speaker == "صالح"
    text = (
        "وقال خالد بحاح إن الزيارة مهمة جدا للبلاد. وقال فور وصوله إن عودته جزء من تحرير "
        "المدينة كلها."
    )
    found = find_quotes(text, people(text, "خالد بحاح"))
    assert [q.speaker for q in found] == ["خالد بحاح", "خالد بحاح"] and found[1].implicit


def test_a_byline_is_not_who_a_participle_continues() -> None:
    text = (
        "أيمن حسن- سبق: بثت صحيفة ميل أون صنداي البريطانية الصورة الأخيرة للطائرة، مؤكدة أن "
        "سلوك قائد الطائرة أصبح لغزاً يحير الخبراء."
    )
    byline = EntityMention(0, text.index(":"), "PER", "أيمن حسن- سبق", "ايمن حسن سبق")
    paper = text.index("ميل")
    org = EntityMention(paper, paper + len("ميل أون صنداي"), "ORG", "ميل أون صنداي", "x")
    (q,) = find_quotes(text, [byline, org])
    assert q.speaker == "ميل أون صنداي"
