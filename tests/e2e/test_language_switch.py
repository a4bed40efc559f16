"""Journey: a visitor opens an edition's home and switches the interface to Chinese, then French."""

import pytest

from tests.factories import EditionFactory


@pytest.mark.django_db(transaction=True)
def test_visitor_switches_language_and_sees_translated_navigation(page, live_server):
    EditionFactory(
        slug="chtf2020",
        name={
            "en": "China Hi-Tech Fair 2020",
            "fr": "Salon China Hi-Tech Fair 2020",
            "zh-hans": "第二十二届高交会",
        },
    )
    page.goto(f"{live_server.url}/chtf2020/")
    assert page.locator("h1").inner_text() == "China Hi-Tech Fair 2020"
    assert page.locator(".header-tools a").first.inner_text() == "Log in"

    with page.expect_navigation():
        page.select_option("#lang-select", "zh-hans")
    assert page.url == f"{live_server.url}/chtf2020/", page.content()[:3000]
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert page.locator("h1").inner_text() == "第二十二届高交会"
    assert page.locator(".header-tools a").first.inner_text() == "登录"
    assert page.locator(".skip-link").inner_text() == "跳到内容"

    with page.expect_navigation():
        page.select_option("#lang-select", "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("h1").inner_text() == "Salon China Hi-Tech Fair 2020"
    assert page.locator(".header-tools a").first.inner_text() == "Connexion"
