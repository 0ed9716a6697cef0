"""Realistic Arabic inputs for the reader tests, built in code (nothing binary is committed)."""

from __future__ import annotations

import io
import json
import zipfile

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPHS = (
    "أعلنت وزارة الخارجية العراقية، أمس، بدء أولى جولات المفاوضات مع الولايات المتحدة بشأن "
    "العلاقة الاستراتيجية بين البلدين، في خطوة وصفها مسؤولون بأنها مفصلية.",
    "وقالت الوزارة في بيان إن الجانبين بحثا رؤيتهما لإنشاء علاقة متوازنة تقوم على المصالح "
    "المشتركة والاحترام المتبادل، وإن الجولة المقبلة ستعقد في بغداد.",
    "وأضاف البيان أن التحالف الدولي سيواصل دعم القوات العراقية في مطاردة فلول تنظيم داعش "
    "في المناطق الصحراوية الممتدة على الحدود مع سوريا.",
    "من جهته، رحب المتحدث باسم الحكومة بالخطوة، مؤكدا أن العراق يسعى إلى علاقات متوازنة "
    "مع جميع الدول وفق مبدأ السيادة الوطنية.",
)
TITLE = "العراق يعلن بدء المفاوضات الاستراتيجية مع واشنطن"
ARTICLE = "\n\n".join(PARAGRAPHS)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00"


def news_page(title: str = TITLE, *, charset: str = "utf-8", extra: str = "") -> str:
    """An Arabic news page with the usual chrome: menu, breadcrumbs, share bar, related links."""
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="{charset}">
<title>{title} | جريدة المرصد</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="جريدة المرصد">
<meta name="author" content="سارة الكعبي">
<meta property="article:published_time" content="2020-05-11T18:30:00+03:00">
<link rel="canonical" href="https://almarsad.example/news/2020/05/11/iraq-talks">
</head>
<body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">عربي ودولي</a></li>
<li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav></header>
<div class="breadcrumbs">الرئيسية / عربي ودولي / العراق</div>
<main><article>
<h1>{title}</h1>
<div class="byline">بغداد - سارة الكعبي</div>
<div class="share">شارك على فيسبوك | تويتر | واتساب</div>
<div class="article-body">{body}{extra}</div>
</article>
<aside class="related"><h3>أخبار ذات صلة</h3><ul>
<li><a href="/a">الكاظمي يستقبل وفدا أمريكيا</a></li><li><a href="/b">أسعار النفط اليوم</a></li>
</ul></aside></main>
<footer><p>جميع الحقوق محفوظة © جريدة المرصد 2020</p><a href="/privacy">سياسة الخصوصية</a></footer>
</body></html>"""


def warc_archive(
    pages: list[tuple[str, bytes]], *, gzip: bool = False, status: str = "200 OK"
) -> bytes:
    """A WARC with a warcinfo record, a request and a response per page (fetched with
    ``status``), and one JPEG response."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "marsad-tests"}))
    for url, body in pages:
        request = StatusAndHeaders(
            "GET / HTTP/1.1", [("Host", "almarsad.example")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders(
            status, [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        response = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(response)
    image = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://almarsad.example/logo.jpg",
            "response",
            payload=io.BytesIO(b"\xff\xd8\xff\xe0" + bytes(100)),
            http_headers=image,
        )
    )
    return out.getvalue()


def two_page_warc(*, gzip: bool = False) -> bytes:
    """Two HTML responses (records 2 and 4; 0 is warcinfo, 1 and 3 are requests)."""
    return warc_archive(
        [
            ("https://almarsad.example/news/1", news_page().encode()),
            ("https://almarsad.example/news/2", news_page("خبر ثان عن المفاوضات").encode()),
        ],
        gzip=gzip,
    )


def rss_feed() -> bytes:
    items = "".join(
        f"""<item>
<title>خبر رقم {n}</title>
<link>https://almarsad.example/news/{n}</link>
<pubDate>Mon, 11 May 2020 18:3{n}:00 +0300</pubDate>
<author>desk@almarsad.example (سارة الكعبي)</author>
<guid>https://almarsad.example/news/{n}</guid>
<description><![CDATA[<p>{PARAGRAPHS[n]}</p>]]></description>
</item>"""
        for n in range(3)
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>جريدة المرصد - عربي ودولي</title>
<link>https://almarsad.example/world</link>
<description>آخر الأخبار</description>
{items}
</channel></rss>""".encode()


def atom_feed() -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
<title>وكالة الأنباء</title>
<link href="https://wire.example/"/>
<id>tag:wire.example,2020:feed</id>
<updated>2020-05-11T12:00:00Z</updated>
<entry>
<title>{TITLE}</title>
<link href="https://wire.example/a/1"/>
<id>tag:wire.example,2020:1</id>
<published>2020-05-11T09:15:00+03:00</published>
<updated>2020-05-11T10:00:00Z</updated>
<author><name>قسم الأخبار</name></author>
<summary>ملخص قصير للخبر.</summary>
<content type="html">&lt;p&gt;{PARAGRAPHS[0]}&lt;/p&gt;&lt;p&gt;{PARAGRAPHS[1]}&lt;/p&gt;</content>
</entry>
</feed>""".encode()


def saudinewsnet_zip(records: list[dict[str, str]], name: str = "2015-07-21") -> bytes:
    """A zip holding one JSON array, the way SaudiNewsNet ships a crawl day."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{name}.json", json.dumps(records, ensure_ascii=False, indent=4))
    return out.getvalue()


def saudinewsnet_record(n: int, content: str = ARTICLE) -> dict[str, str]:
    return {
        "source": "aawsat",
        "url": f"http://aawsat.com/home/article/{410826 + n}",
        "date_extracted": "2015-07-21 02:51:32",
        "title": f"{TITLE} ({n})",
        "author": "لندن: رنيم حنوش",
        "content": content,
    }
