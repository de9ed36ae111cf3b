package io.ispflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Headless Chromium from the operating system (Debian's {@code chromium}), driven by Playwright. Never
 * downloads a browser. Set {@code ISPFLOW_CHROMIUM} to use another binary.
 */
public final class Browser implements AutoCloseable {

    /** A filter every role reads: once it is listed, Tasklist has loaded the user's filters. */
    private static final String EVERY_ROLES_FILTER = "My tasks";
    /** Tasklist loads its scripts and counts every filter after a login; a busy build server is slow at it. */
    private static final double SLOW_SCREEN_MILLIS = 90_000;

    /** How long Tasklist's login form may take to appear before the page is loaded again, once. */
    private static final double LOGIN_FORM_MILLIS = 30_000;
    /** What each page's browser reported (script errors, failed and refused requests), for failures. */
    private static final Map<Page, List<String>> REPORTED = Collections.synchronizedMap(new WeakHashMap<>());

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String binary = System.getenv().getOrDefault("ISPFLOW_CHROMIUM", "/usr/bin/chromium");
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(binary))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        PlaywrightAssertions.setDefaultAssertionTimeout(SLOW_SCREEN_MILLIS);
    }

    /** A page in a context of its own; the contexts of earlier pages are closed, so one test's page is open. */
    public Page newPage() {
        chromium.contexts().forEach(com.microsoft.playwright.BrowserContext::close);
        Page page = chromium.newContext(new NewContextOptions().setViewportSize(1400, 1000).setLocale("en-GB"))
                .newPage();
        page.setDefaultTimeout(SLOW_SCREEN_MILLIS);
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        REPORTED.put(page, reported);
        page.onPageError(error -> reported.add("script error: " + error));
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                reported.add("console: " + message.text());
            }
        });
        page.onRequestFailed(request -> reported.add("request failed: " + request.url() + " " + request.failure()));
        page.onResponse(response -> {
            if (response.status() >= 400) {
                reported.add("HTTP " + response.status() + ": " + response.url());
            }
        });
        page.onCrash(crashed -> reported.add("the page crashed"));
        return page;
    }

    /**
     * Logs a staff member in to Tasklist (password {@link TestCompanies#PASSWORD}) and waits until his
     * task filters are listed. Tasklist moves the focus to the user name field once its scripts have
     * started, whatever is being typed elsewhere at that moment; so the login waits for that focus,
     * checks both fields before it submits, and fills them again when the text landed in the wrong one.
     * The login request is awaited and its answer checked, so a refused login fails here with the
     * server's words instead of as a missing filter later.
     */
    public static void logInToTasklist(Page page, int port, String user) {
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        page.navigate(tasklist);
        Locator userName = page.getByPlaceholder("Username");
        Locator password = page.getByPlaceholder("Password");
        try {
            userName.waitFor(new Locator.WaitForOptions().setTimeout(LOGIN_FORM_MILLIS));
        } catch (com.microsoft.playwright.TimeoutError blank) {
            // what a person does with a page that stays blank: load it again, once (and say why in the output)
            System.out.println("Tasklist's login form did not appear; loading the page again. The browser reported: "
                    + reported(page));
            page.navigate(tasklist);
        }
        PlaywrightAssertions.assertThat(userName).isFocused();
        // a focus moved by Tasklist between Playwright's focusing a field and its typing sends the text to
        // the other field: then both are filled again
        for (int attempt = 1; ; attempt++) {
            userName.fill(user);
            password.fill(TestCompanies.PASSWORD);
            if (user.equals(userName.inputValue()) && TestCompanies.PASSWORD.equals(password.inputValue())) {
                break;
            }
            if (attempt == 5) {
                throw new AssertionError("Tasklist's login form kept losing what was typed: user name field shows "
                        + userName.inputValue());
            }
        }
        Response login = page.waitForResponse(response -> response.url().contains("/login/tasklist"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click());
        if (login.status() != 200) {
            throw new AssertionError("Tasklist refused the login of " + user + ": HTTP " + login.status() + " "
                    + login.text());
        }
        page.getByText(EVERY_ROLES_FILTER).first().waitFor();
    }

    /** Opens a task by its name from the queue Tasklist opened on: the user's role's. */
    public static void openQueuedTask(Page page, String name) {
        page.locator(".tasks-list li").filter(new Locator.FilterOptions().setHasText(name)).first()
                .getByText(name).first().click();
    }

    /**
     * Keeps a picture of the page and returns the failure with what the page showed, so that a failure
     * on a build server explains itself in the build output.
     */
    public static AssertionError failure(Page page, String name, Throwable cause) {
        String shown;
        try {
            screenshot(page, name);
            shown = page.url() + "\n" + page.locator("body").innerText();
        } catch (RuntimeException unreadable) {
            shown = "(page unreadable: " + unreadable.getMessage() + ")";
        }
        String step = String.valueOf(cause.getMessage());
        return new AssertionError("Browser step failed: " + step.substring(0, Math.min(step.length(), 1_000))
                + "\nThe browser reported: " + reported(page)
                + "\nThe page showed:\n" + shown.substring(0, Math.min(shown.length(), 2_000)), cause);
    }

    /** The last things the page's browser reported, oldest first. */
    private static String reported(Page page) {
        List<String> reported = REPORTED.getOrDefault(page, List.of());
        synchronized (reported) {
            return reported.isEmpty() ? "nothing"
                    : String.join("\n  ", reported.subList(Math.max(0, reported.size() - 20), reported.size()));
        }
    }

    private static void screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        try {
            Files.createDirectories(file.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            Files.writeString(file.resolveSibling(name + ".html"), page.content());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
