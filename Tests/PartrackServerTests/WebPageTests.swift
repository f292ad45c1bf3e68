import Fluent
import Foundation
import PartrackDomain
import PartrackTestSupport
import Testing
import VaporTesting

@testable import PartrackServer

/// Issue 6 at the HTTP level: sessions, CSRF, escaping, refusals that say why, language.
@Suite struct WebPageTests {
    @Test(arguments: TestDatabase.available)
    func eachRoleSignsInAndLandsOnItsOwnStartPage(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            let landings = [
                "bagiang.tpht": "/viec-cua-toi", "bagiang.chutich": "/xa/3", "noivu.bato": "/giam-sat/2",
                "admin": "/giam-sat/1",
            ]
            for (username, landing) in landings {
                var browser = Browser(app)
                let response = try await browser.signIn(username)
                #expect(response.status == .seeOther, "\(username)")
                #expect(response.headers.first(name: .location) == landing, "\(username)")
                let page = try await browser.get(landing)
                #expect(page.status == .ok, "\(username)")
                let cookie = try #require(
                    page.headers[.setCookie].first { $0.hasPrefix("partrack_session") }
                        ?? response.headers[.setCookie].first)
                #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            }
        }
    }

    @Test(arguments: TestDatabase.available)
    func aWrongPasswordSaysSoAndRepeatedFailuresLockTheAccountForAWhile(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            var browser = Browser(app)
            let wrong = try await browser.signIn("bagiang.tpht", password: "sai-mat-khau")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.string.contains("Tên đăng nhập hoặc mật khẩu không đúng"))
            for _ in 0..<5 { _ = try await browser.signIn("bagiang.tpht", password: "sai-mat-khau") }
            let locked = try await browser.signIn("bagiang.tpht")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("thử lại sau"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aFormPostWithoutTheCSRFTokenIsRefusedAndChangesNothing(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            var browser = Browser(app)
            _ = try await browser.signIn("bagiang.tpht")
            let task = try await app.task(of: "Tư pháp – Hộ tịch", in: "ba-giang", state: .inProgress)
            let id = try task.requireID()
            let forged = try await browser.post(
                "/nhiem-vu/\(id)/cap-nhat",
                ["baseVersion": "\(task.version)", "progress": "90", "state": "in_progress"])
            #expect(forged.status == .forbidden)
            #expect(forged.body.string.contains("Biểu mẫu đã hết hạn"))
            #expect(try await PlanTask.find(id, on: app.db)?.progress == task.progress)

            let genuine = try await browser.post(
                "/nhiem-vu/\(id)/cap-nhat",
                ["baseVersion": "\(task.version)", "progress": "90", "state": "in_progress"],
                csrfFrom: "/nhiem-vu/\(id)")
            #expect(genuine.status == .seeOther)
            #expect(try await PlanTask.find(id, on: app.db)?.progress == 90)
        }
    }

    @Test(arguments: TestDatabase.available)
    func textPeopleTypeIsShownAsTextNeverAsMarkup(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            var browser = Browser(app)
            _ = try await browser.signIn("bagiang.chutich")
            let plan = try #require(try await Plan.query(on: app.db).filter(\.$unit.$id == 3).first()).requireID()
            let created = try await browser.post(
                "/ke-hoach/\(plan)/nhiem-vu-moi",
                ["title": "<script>alert(1)</script> & \"trích dẫn\"", "leadPositionIDs[]": "3", "areaCode": "2"],
                csrfFrom: "/ke-hoach/\(plan)/nhiem-vu-moi")
            #expect(created.status == .seeOther)
            let page = try await browser.get("/ke-hoach/\(plan)")
            #expect(!page.body.string.contains("<script>alert(1)</script>"))
            #expect(page.body.string.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func aForbiddenPageSaysWhyInTheReadersLanguageWithoutInternals(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            var browser = Browser(app)
            _ = try await browser.signIn("bagiang.tpht")
            let other = try await browser.get("/xa/4")
            #expect(other.status == .forbidden)
            #expect(other.body.string.contains("Không có quyền"))
            #expect(!other.body.string.contains("PartrackServer"))
            browser.language = "en"
            let english = try await browser.get("/xa/4")
            #expect(english.body.string.contains("Not allowed"))
            let admin = try await browser.get("/quan-tri/nguoi-dung")
            #expect(admin.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.available)
    func theLanguageSwitchIsRemembered(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            var browser = Browser(app)
            let switched = try await browser.get("/ngon-ngu?lang=en&next=/dang-nhap")
            #expect(switched.status == .seeOther)
            let cookie = try #require(switched.headers[.setCookie].first { $0.hasPrefix("lang=en") })
            #expect(cookie.contains("Max-Age=31536000"))
            browser.language = "en"
            let page = try await browser.get("/dang-nhap")
            #expect(page.body.string.contains("<html lang=\"en\">"))
            #expect(page.body.string.contains("Sign in"))
        }
    }

    @Test(arguments: TestDatabase.available)
    func signedOutVisitorsAreSentToSignInAndBroughtBack(database: TestDatabase) async throws {
        try await withTestApp(database, TestAppOptions(demo: true)) { app in
            var browser = Browser(app)
            let page = try await browser.get("/viec-cua-toi")
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location)?.hasPrefix("/dang-nhap?next=") == true)
            let back = try await browser.post(
                "/dang-nhap", ["username": "bagiang.tpht", "password": "partrack-demo", "next": "/viec-cua-toi"],
                csrfFrom: "/dang-nhap")
            #expect(back.headers.first(name: .location) == "/viec-cua-toi")
            let outside = try await browser.post(
                "/dang-nhap", ["username": "bagiang.tpht", "password": "partrack-demo", "next": "//evil.example"],
                csrfFrom: "/dang-nhap")
            #expect(outside.headers.first(name: .location) == "/viec-cua-toi")
        }
    }
}
