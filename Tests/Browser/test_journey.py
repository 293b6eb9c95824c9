"""The whole journey in a real browser: an operator registers a call, a supervisor refers it, a
liaison answers it, the citizen tracks it with the code and rates it. Each page is screenshotted
(test-artifacts/) and checked with axe for serious or critical accessibility violations."""
import re

from selenium_axe_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ARTIFACTS

PERSIAN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
checked_pages = []


def check_page(driver, name):
    """Screenshot at desktop and phone widths; axe finds no serious or critical violation."""
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    driver.save_screenshot(str(ARTIFACTS / f"{len(checked_pages):02d}-{name}.png"))
    driver.set_window_size(360, 800)
    driver.save_screenshot(str(ARTIFACTS / f"{len(checked_pages):02d}-{name}-360.png"))
    driver.set_window_size(1280, 1000)
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: " + "; ".join(f"{v['id']}: {v['help']}" for v in bad)
    checked_pages.append(name)


def navigate(driver, element):
    """Clicks a link or a submit button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(lambda d: gone(page))


def enter(driver, element, text):
    """Types `text` and Enter into a form field, and waits until the answer has replaced this page
    (reading the address before that races the submit)."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.send_keys(text + Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: gone(page))


def gone(element):
    """Whether the element's page has been replaced (Chrome may say so with either error)."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


own_passwords = {}


def sign_in(driver, server, username, password):
    """Signs in; the first time, the password `samad staff add` printed must be changed before
    anything else, so it is changed on the account page and the sign-in repeated with the new one."""
    driver.delete_all_cookies()
    driver.get(server.base + "/login")
    check_page(driver, f"login-{username}")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(own_passwords.get(username, password) + Keys.ENTER)
    # Wait for the sign-in to land before the next step navigates (or it may race the redirect).
    WebDriverWait(driver, 15).until(lambda d: "/login" not in d.current_url)
    if "/staff/account?first=1" in driver.current_url:
        assert "پیش از هر کاری" in driver.find_element(By.CSS_SELECTOR, ".notice").text
        if not own_passwords:
            check_page(driver, "first-password")
        own_passwords[username] = f"own-{username}-secret-1403"
        driver.find_element(By.ID, "currentPassword").send_keys(password)
        driver.find_element(By.ID, "newPassword").send_keys(own_passwords[username])
        enter(driver, driver.find_element(By.ID, "repeatPassword"), own_passwords[username])
        assert "/login" in driver.current_url
        driver.find_element(By.ID, "username").send_keys(username)
        driver.find_element(By.ID, "password").send_keys(own_passwords[username] + Keys.ENTER)
        WebDriverWait(driver, 15).until(lambda d: "/login" not in d.current_url)


def submit_intake(driver, category, subject, text):
    """Fills the letter part of the console for the caller already looked up and sends it from the
    keyboard: Tab past «محرمانه» to «ثبت نامه», then Enter."""
    driver.find_element(By.ID, "mobile").send_keys("09121234567")
    Select(driver.find_element(By.ID, "category")).select_by_value(category)
    driver.find_element(By.ID, "subject").send_keys(subject)
    body = driver.find_element(By.ID, "body")
    body.send_keys(text)
    page = driver.find_element(By.TAG_NAME, "html")
    body.send_keys(Keys.TAB + Keys.TAB + Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: gone(page))


def test_whole_journey(server, browser):
    provinces = server.get_json("/api/v1/provinces")
    province = next(p for p in provinces if p["name"] == "آذربایجان شرقی")
    # A new database holds the governorates only: the admin adds the agencies that answer here.
    passwords = {"admin": server.add_staff("admin", "admin", province["code"])}
    relief = server.post_json("/api/v1/agencies", {"name": "کمیته امداد امام خمینی (ره) استان آذربایجان شرقی",
                                                   "kind": "supportInstitution", "province": province["code"]},
                              server.tokens["admin"])
    server.post_json("/api/v1/agencies", {"name": "بانک ملی ایران، مدیریت شعب استان آذربایجان شرقی", "kind": "bank",
                                          "province": province["code"]}, server.tokens["admin"])
    passwords.update({
        "operator": server.add_staff("operator", "operator", province["code"]),
        "supervisor": server.add_staff("supervisor", "supervisor", province["code"]),
        "liaison": server.add_staff("liaison", "liaison", province["code"], relief["id"]),
    })
    driver = browser

    # The operator takes a call: one keyboard-only form.
    sign_in(driver, server, "operator", passwords["operator"])
    assert driver.current_url.endswith("/staff/intake")
    check_page(driver, "intake")
    # On a 1366×768 screen the whole console fits: the register button shows without scrolling.
    driver.set_window_size(1366, 768)
    fits = driver.execute_script(
        "var b = document.querySelector('button[value=register]').getBoundingClientRect();"
        "return [b.bottom, window.innerHeight];")
    driver.save_screenshot(str(ARTIFACTS / "intake-1366x768.png"))
    assert fits[0] <= fits[1], f"register button at {fits[0]}px, window {fits[1]}px"
    driver.set_window_size(1280, 1000)
    form = driver.find_element(By.ID, "nationalId")
    form.send_keys("0013542419" + Keys.TAB + "09121234567" + Keys.TAB + Keys.TAB + "مریم" + Keys.TAB + "احمدی")
    Select(driver.find_element(By.ID, "category")).select_by_value("livingAssistance")
    driver.find_element(By.ID, "subject").send_keys("درخواست کمک معیشتی")
    driver.find_element(By.ID, "body").send_keys("خانواده پنج نفره هستیم و همسرم بیکار شده است.")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "button[value=register]"))
    # The grouped code is a left-to-right isolate (U+2066 … U+2069) inside the Persian line.
    code = driver.find_element(By.CSS_SELECTOR, ".tracking.big").text.replace(" ", "").strip("\u2066\u2069").translate(PERSIAN)
    assert len(code) == 11
    check_page(driver, "registered")

    # The supervisor finds it in the queue and refers it (the relief committee is pre-selected).
    sign_in(driver, server, "supervisor", passwords["supervisor"])
    assert driver.current_url.endswith("/staff/queue")
    check_page(driver, "queue")
    # First a ready answer for living-assistance letters, for the agencies to start from.
    driver.get(server.base + "/staff/templates")
    check_page(driver, "templates")
    driver.find_element(By.ID, "t-title").send_keys("کمک معیشتی برقرار شد")
    Select(driver.find_element(By.ID, "t-category")).select_by_value("livingAssistance")
    driver.find_element(By.ID, "t-body").send_keys("کمک معیشتی سه ماهه برای خانواده برقرار شد.")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/staff/templates'] button[type=submit]"))
    assert "متن آماده ذخیره شد" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    driver.get(server.base + "/staff/queue")
    assert driver.find_element(By.CSS_SELECTOR, f"a[href='/staff/cases/{code}']")
    # The caller reads the code off the receipt in groups and Persian digits: typed so, it opens the letter.
    grouped = " ".join([code[0:3], code[3:6], code[6:9], code[9:]]).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    enter(driver, driver.find_element(By.ID, "q-code"), grouped)
    assert driver.current_url.endswith(f"/staff/cases/{code}")
    check_page(driver, "case-screening")
    # The agencies come grouped by kind, the one the category suggests first and ticked.
    legends = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".agency-group > legend")]
    assert legends[0].startswith("نهاد حمایتی"), legends
    assert any(text.startswith("بانک عامل") for text in legends), legends
    box = driver.find_element(By.CSS_SELECTOR, f"input[name='agency[]'][value='{relief['id']}']")
    assert box.is_selected()
    driver.find_element(By.ID, "refer-note").send_keys("لطفاً بررسی شود")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/refer'] button[type=submit]"))
    assert "ارجاع شد" in driver.find_element(By.CSS_SELECTOR, ".notice").text

    # The liaison answers from the agency inbox.
    sign_in(driver, server, "liaison", passwords["liaison"])
    assert driver.current_url.endswith("/staff/inbox")
    check_page(driver, "inbox")
    tallies = driver.find_element(By.CSS_SELECTOR, ".tallies").text.translate(PERSIAN)
    assert "1 تازه" in tallies, tallies
    # Accepted from the list with the batch accept, then found again under «پذیرفته‌شده».
    driver.find_element(By.CSS_SELECTOR, "input[name='referral[]']").click()
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "#batch-accept button[type=submit]"))
    assert "۱ ارجاع پذیرفته شد" in driver.find_element(By.CSS_SELECTOR, ".notice").text
    Select(driver.find_element(By.ID, "f-status")).select_by_value("accepted")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
    assert "status=accepted" in driver.current_url
    # The business days left as a figure.
    assert "روز کاری مانده" in driver.find_element(By.CSS_SELECTOR, ".list.inbox .days").text
    check_page(driver, "inbox-accepted")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, f"a[href='/staff/cases/{code}']"))
    check_page(driver, "case-liaison")
    # The answer starts from the supervisor's ready answer for this category.
    Select(driver.find_element(By.CSS_SELECTOR, ".template-pick select")).select_by_visible_text("کمک معیشتی برقرار شد")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, ".template-pick button[type=submit]"))
    answer = driver.find_element(By.CSS_SELECTOR, "textarea[name=answer]")
    assert answer.get_attribute("value") == "کمک معیشتی سه ماهه برای خانواده برقرار شد."
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action$='/answer'] button[type=submit]"))
    assert "پاسخ داده شده" in driver.page_source

    # The citizen follows the link in the answer's SMS on a phone: the tracking page opens with the
    # code filled in, asks only for the mobile, and shows the answer.
    driver.delete_all_cookies()
    driver.get(server.base + "/")
    check_page(driver, "home")
    sms = server.last_sms("09121234567", "answered")
    link = re.search(r"https?://\S+", sms["text"]).group(0)
    assert link.startswith(server.base), link
    driver.set_window_size(390, 844)
    driver.get(link)
    filled = driver.find_element(By.ID, "code").get_attribute("value")
    assert filled.translate(PERSIAN).replace(" ", "").strip("\u2066\u2069") == code, filled
    mobile_field = driver.find_element(By.ID, "mobile")
    assert mobile_field.get_attribute("inputmode") in ("tel", "numeric")
    enter(driver, mobile_field, "09121234567")
    assert "کمک معیشتی سه ماهه" in driver.find_element(By.CSS_SELECTOR, ".answer").text
    # Nothing runs off the side of a phone's screen.
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    driver.set_window_size(1280, 1000)
    assert "کمک معیشتی سه ماهه" in driver.find_element(By.CSS_SELECTOR, ".answer").text
    # Each hop with its clock: the relief committee answered within its business days.
    hops = driver.find_element(By.CSS_SELECTOR, ".hops").text
    assert "امداد" in hops and "پاسخ در مهلت" in hops
    check_page(driver, "track-result")
    driver.find_element(By.CSS_SELECTOR, "input[name=rating][value='5']").click()
    driver.find_element(By.ID, f"comment-{code}").send_keys("سپاسگزارم")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/track/rate'] button[type=submit]"))
    assert "امتیاز شما ثبت شد" in driver.page_source
    check_page(driver, "rated")

    # Later the citizen signs in with an SMS code and sees all their letters.
    driver.get(server.base + "/my")
    assert driver.current_url.endswith("/my/sign-in")
    check_page(driver, "my-sign-in")
    enter(driver, driver.find_element(By.ID, "mobile"), "09121234567")
    sign_in_code = server.last_sign_in_code("09121234567")
    check_page(driver, "my-code")
    enter(driver, driver.find_element(By.ID, "code"), sign_in_code)
    assert driver.current_url.endswith("/my")
    assert "کمک معیشتی سه ماهه" in driver.page_source
    check_page(driver, "my-letters")

    # The letter form: the mobile is proven first with an SMS code (SMS 1 goes only to a proven
    # mobile); the category list narrows as the citizen types; the national ID is optional.
    driver.delete_all_cookies()
    driver.get(server.base + "/letter")
    check_page(driver, "letter-mobile")
    driver.find_element(By.ID, "mobile").send_keys("09351234567")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/letter/code'] button[type=submit]"))
    letter_code = server.last_sign_in_code("09351234567")
    check_page(driver, "letter")
    driver.find_element(By.ID, "category-search").send_keys("مسکن")
    selected = Select(driver.find_element(By.ID, "category")).first_selected_option.text
    assert "مسکن" in selected, selected
    Select(driver.find_element(By.ID, "kind")).select_by_value("complaint")
    driver.find_element(By.ID, "subject").send_keys("تأخیر در وام مسکن")
    driver.find_element(By.ID, "body").send_keys("شش ماه است منتظر پاسخ بانک هستم.")
    driver.find_element(By.ID, "firstName").send_keys("زهرا")
    driver.find_element(By.ID, "lastName").send_keys("کریمی")
    # Nothing is chosen for the citizen: the province is theirs to pick.
    province_select = Select(driver.find_element(By.ID, "province"))
    assert province_select.first_selected_option.get_attribute("value") == ""
    province_select.select_by_visible_text("تهران")
    driver.find_element(By.ID, "code").send_keys(letter_code)
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/letter'] button[type=submit]"))
    shown = driver.find_element(By.CSS_SELECTOR, ".tracking.big").text
    assert len(shown.replace(" ", "").strip("\u2066\u2069")) == 11, shown
    # SMS 1 went to the proven mobile.
    assert server.last_sms("09351234567", "registered")

    # The operator console looks a known caller up while the national ID is typed.
    sign_in(driver, server, "operator", passwords["operator"])
    # Record what the look-up's status says while it runs.
    driver.execute_script(
        "window.lookupSaid = [];"
        "new MutationObserver(function () { window.lookupSaid.push(document.getElementById('lookup-status').textContent); })"
        ".observe(document.getElementById('lookup-status'), {childList: true, characterData: true, subtree: true});")
    driver.find_element(By.ID, "nationalId").send_keys("۰۰۱۳۵۴۲۴۱۹")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "firstName").get_attribute("value") == "مریم")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_element(By.ID, "citizen-history").get_attribute("aria-busy") == "false")
    said = driver.execute_script("return window.lookupSaid;")
    assert said[:1] == ["در حال جستجوی شهروند…"] and said[-1] == "شهروند پیدا شد.", said
    # The known mobile is shown masked, never filled in: the operator asks the caller for it.
    assert driver.find_element(By.ID, "mobile").get_attribute("value") == ""
    history = driver.find_element(By.ID, "citizen-history").text
    assert "نامه‌های پیشین این شهروند" in history
    assert "۰۹۱۲***۴۵۶۷" in history and "۰۹۱۲۱۲۳۴۵۶۷" not in history
    check_page(driver, "intake-known-caller")
    # She calls about a new living-assistance matter: registered, and the receipt is the
    # operator's own page (their navigation), with the next call one link away.
    submit_intake(driver, "livingAssistance", "کمک معیشتی برای فرزند", "درخواست تازه برای هزینه تحصیل فرزند.")
    assert driver.find_elements(By.CSS_SELECTOR, ".tracking.big")
    assert driver.find_element(By.CSS_SELECTOR, "nav a[href='/staff/account']")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "a[accesskey=n]"))
    # And calls again on the same matter while it is open: held back, said so beside the button,
    # and the focus on the one button that registers it anyway, so Enter confirms.
    driver.find_element(By.ID, "nationalId").send_keys("0013542419")
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "firstName").get_attribute("value") == "مریم")
    submit_intake(driver, "livingAssistance", "باز هم کمک معیشتی", "تماس دوباره درباره همان درخواست.")
    hold = driver.find_element(By.CSS_SELECTOR, ".duplicate-hold")
    assert "نامه ثبت نشد" in hold.text
    assert driver.switch_to.active_element.get_attribute("name") == "confirmDuplicate"
    check_page(driver, "intake-duplicate")
    page = driver.find_element(By.TAG_NAME, "html")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(driver, 15).until(lambda d: gone(page))
    assert len(driver.find_element(By.CSS_SELECTOR, ".tracking.big").text.replace(" ", "").strip("\u2066\u2069")) == 11

    # An admin adds an account on the admin page and sees its first password once.
    sign_in(driver, server, "admin", passwords["admin"])
    driver.get(server.base + "/staff/admin")
    check_page(driver, "admin")
    driver.find_element(By.ID, "username").send_keys("operator2")
    driver.find_element(By.ID, "displayName").send_keys("اپراتور دوم")
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "form[action='/staff/admin/staff'] button[type=submit]"))
    assert driver.find_element(By.CSS_SELECTOR, ".secret-value code").text
    check_page(driver, "admin-created")

    # The admin reads this month's report: the letters of this journey are counted, and the relief
    # committee's answer shows in the agencies' table.
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "nav a[href='/staff/reports']"))
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("گزارش")
    assert relief["name"] in driver.find_element(By.CSS_SELECTOR, "main").text
    check_page(driver, "reports")
    previous = driver.find_element(By.CSS_SELECTOR, ".shortcuts a")
    label = previous.text.split(": ", 1)[1]
    navigate(driver, previous)
    assert "period=" in driver.current_url
    assert label in driver.find_element(By.TAG_NAME, "h1").text

    # Open data, from the footer of any page.
    navigate(driver, driver.find_element(By.CSS_SELECTOR, "footer a[href='/open-data']"))
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("داده‌های باز")
    check_page(driver, "open-data")

    driver.get(server.base + "/no-such-page")
    check_page(driver, "not-found")


def test_no_outside_requests(server, browser):
    """Pages load nothing from outside Samad."""
    for path in ("/", "/track", "/letter", "/login", "/my/sign-in", "/open-data"):
        browser.get(server.base + path)
        for url in browser.execute_script(
                "return performance.getEntriesByType('resource').map(function (e) { return e.name; });"):
            assert url.startswith(server.base), f"{path} loaded {url}"


def test_keyboard_only_intake(server, browser):
    """A new caller registered with the keyboard alone, counting the keys that only move (Tab,
    Enter): at most 15; the same caller again on the same matter is held back and one Enter
    registers it anyway."""
    from selenium.webdriver.common.action_chains import ActionChains
    driver = browser
    province = next(p for p in server.get_json("/api/v1/provinces") if p["name"] == "آذربایجان شرقی")
    sign_in(driver, server, "console", server.add_staff("console", "operator", province["code"]))
    assert driver.current_url.endswith("/staff/intake")
    moves = 0

    def type_text(text):
        ActionChains(driver).send_keys(text).perform()

    def move(key, times=1):
        nonlocal moves
        for _ in range(times):
            ActionChains(driver).send_keys(key).perform()
            moves += 1

    def register():
        page = driver.find_element(By.TAG_NAME, "html")
        move(Keys.ENTER)
        WebDriverWait(driver, 15).until(lambda d: gone(page))

    def new_call():
        # The national ID has the focus when the console opens.
        assert driver.switch_to.active_element.get_attribute("id") == "nationalId"
        type_text("0084575948")
        move(Keys.TAB)
        type_text("09131112233")
        move(Keys.TAB, 2)          # past «جستجوی شهروند» to the first name
        type_text("رضا")
        move(Keys.TAB)
        type_text("کاظمی")
        trail = []
        for _ in range(4):         # county, channel, kind: left as they are; to the category search
            move(Keys.TAB)
            trail.append(driver.switch_to.active_element.get_attribute("id") or driver.switch_to.active_element.tag_name)
        assert trail[-1] == "category-search", (trail, driver.find_element(By.ID, "citizen-history").get_attribute("innerHTML"))
        type_text("اشتغال")        # narrows the categories and picks the first that matches
        move(Keys.TAB, 2)          # the category list, then the subject
        assert driver.switch_to.active_element.get_attribute("id") == "subject"
        type_text("درخواست شغل")
        move(Keys.TAB)
        type_text("پس از پایان خدمت سربازی به دنبال کار هستم.")
        move(Keys.TAB, 2)          # past «محرمانه» to «ثبت نامه»
        assert driver.switch_to.active_element.get_attribute("value") == "register"
        register()

    new_call()
    assert driver.find_elements(By.CSS_SELECTOR, ".tracking.big"), "registered"
    assert moves <= 15, f"{moves} navigation keys for a new caller"
    first_moves = moves

    # Same caller, same matter: held back, the focus on the one button that registers it anyway.
    driver.get(server.base + "/staff/intake")
    moves = 0
    new_call()
    assert "نامه ثبت نشد" in driver.find_element(By.CSS_SELECTOR, ".duplicate-hold").text
    assert driver.switch_to.active_element.get_attribute("name") == "confirmDuplicate"
    register()
    assert driver.find_elements(By.CSS_SELECTOR, ".tracking.big"), "registered anyway"
    assert moves <= 16, f"{moves} navigation keys with a duplicate"
    (ARTIFACTS / "keyboard-intake.txt").write_text(
        f"keyboard-only intake: {first_moves} navigation keys for a new caller, {moves} with a duplicate\n", encoding="utf-8")
