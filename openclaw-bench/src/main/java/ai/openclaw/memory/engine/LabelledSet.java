package ai.openclaw.memory.engine;

import java.util.List;
import java.util.Map;

/**
 * A small retrieval set written for the project: English and Chinese facts, and queries of three kinds —
 * {@code kw} (shares a salient word with its answer), {@code para} (a paraphrase sharing only a common word) and
 * {@code nokw} (no word in common after analysis; includes cross-language queries) and {@code entity} (names, ticket
 * numbers, host names and codes among near-duplicate facts, where embeddings blur the difference). Each query has one answer.
 *
 * <p>Four categories were added later, each written down with its rationale before it was measured (the original
 * 44 facts and 52 queries are unchanged):
 * <ul>
 *   <li>{@code dup}: near-duplicate facts differing only by an identifier (build, order, replica numbers) — real
 *       memories accumulate records of recurring things, and the query names the one it means.</li>
 *   <li>{@code code}: code symbols, config keys, commands and paths — an agent's memories about a code base are full
 *       of them, and sub-word embeddings see them as noise.</li>
 *   <li>{@code num}: versions, dates and codes — embeddings are weak at telling numbers apart.</li>
 *   <li>{@code rare}: rare proper nouns (people, internal code names, a Chinese company and a person) that the
 *       embedding models have hardly seen.</li>
 * </ul>
 */
final class LabelledSet {
    private LabelledSet() {
    }

    /** Fact key → text. */
    static final Map<String, String> DOCS = Map.ofEntries(
            Map.entry("E1", "The user drinks black coffee every morning"),
            Map.entry("E2", "The gateway listens on port 18789 by default"),
            Map.entry("E3", "Backups of the Postgres cluster run nightly at 02:30 UTC"),
            Map.entry("E4", "The user's favourite editor is Helix with a dark theme"),
            Map.entry("E5", "Dana is the product manager responsible for the mobile app"),
            Map.entry("E6", "The staging database password rotates every Monday"),
            Map.entry("E7", "The user is allergic to peanuts"),
            Map.entry("E8", "Our company offsite will take place in Lisbon in October"),
            Map.entry("E9", "The user prefers answers written in bullet points"),
            Map.entry("E10", "Deployments to production are frozen during the last week of December"),
            Map.entry("E11", "The user's daughter plays the violin"),
            Map.entry("E12", "The API rate limit is sixty requests per minute per key"),
            Map.entry("E13", "The user's son is learning to play football"),
            Map.entry("E14", "Coffee machines in the office are cleaned on Fridays"),
            Map.entry("E15", "Ticket OC-4411 tracks the memory leak in the webhook worker"),
            Map.entry("E16", "Ticket OC-4412 tracks the slow startup of the command line tool"),
            Map.entry("E17", "Server atlas-7 hosts the billing service in Frankfurt"),
            Map.entry("E18", "Server atlas-9 hosts the search service in Tokyo"),
            Map.entry("E19", "The wifi password at the Berlin office is kestrel42"),
            Map.entry("E20", "The wifi password at the Paris office is falcon77"),
            Map.entry("E21", "Invoice INV-2291 from Acme was paid on 3 March"),
            Map.entry("E22", "Invoice INV-2297 from Acme is still unpaid"),
            Map.entry("E23", "The VPN config lives in /etc/wireguard/wg0.conf"),
            Map.entry("E24", "The nginx config lives in /etc/nginx/sites-enabled/default"),
            Map.entry("E25", "Flight LH 723 to Shanghai departs at 13:40"),
            Map.entry("E26", "Flight LH 729 to Beijing departs at 21:15"),
            Map.entry("E27", "The user's bicycle was stolen last spring"),
            Map.entry("Z15", "王芳的手机号码是 138 0013 8000"),
            Map.entry("Z16", "王强的手机号码是 139 0013 9000"),
            Map.entry("Z17", "用户每天晚上十点睡觉"),
            Map.entry("Z13", "张伟负责前端开发"),
            Map.entry("Z14", "李娜负责后端开发"),
            Map.entry("Z1", "用户偏好简洁的回复风格"),
            Map.entry("Z2", "OpenClaw 配置文件位于 ~/.openclaw/config.yaml"),
            Map.entry("Z3", "用户的猫叫做小白"),
            Map.entry("Z4", "每周五下午团队开周会"),
            Map.entry("Z5", "用户住在杭州西湖区"),
            Map.entry("Z6", "服务器的磁盘空间快用完了，需要清理日志"),
            Map.entry("Z7", "用户对海鲜过敏"),
            Map.entry("Z8", "项目截止日期是三月底"),
            Map.entry("Z9", "用户喜欢用 Python 写脚本"),
            Map.entry("Z10", "公司年会在上海举行"),
            Map.entry("Z11", "小黑是邻居家的狗"),
            Map.entry("Z12", "团队每天早上九点开站会"),
            // Added for the categories below (written before measuring; see the class comment).
            Map.entry("D1", "Build 8812 of the Android app crashed on launch"),
            Map.entry("D2", "Build 8817 of the Android app passed all checks"),
            Map.entry("D3", "Order #55120 for 40 laptops was shipped to the Dublin warehouse"),
            Map.entry("D4", "Order #55128 for 40 monitors was shipped to the Dublin warehouse"),
            Map.entry("D5", "The replica db-replica-03 lags behind the primary by several minutes"),
            Map.entry("D6", "The replica db-replica-05 was rebuilt from a fresh snapshot"),
            Map.entry("C1", "Set MAX_POOL_SIZE to 32 in application.yml for the orders service"),
            Map.entry("C2", "The retry logic lives in RetryPolicy.backoffFor in the http client module"),
            Map.entry("C3", "Run make migrate-up before starting the local stack"),
            Map.entry("C4", "Feature flag enable_new_checkout is on for 10 percent of users"),
            Map.entry("C5", "Logs are written to /var/log/openclaw/gateway.log"),
            Map.entry("N1", "Release 2.14.3 fixed the login timeout bug"),
            Map.entry("N2", "Release 2.15.0 added dark mode to the dashboard"),
            Map.entry("N3", "The dentist appointment is on 2026-03-17 at 09:00"),
            Map.entry("N4", "The car service is booked for 2026-04-02"),
            Map.entry("N5", "The office door code is 4821"),
            Map.entry("R1", "Okonkwo from legal reviews all vendor contracts"),
            Map.entry("R2", "Thibault from finance approves travel expenses"),
            Map.entry("R3", "The team uses Zephyrine as the internal name for the new search engine"),
            Map.entry("R4", "用户的表妹欧阳娜娜在成都工作"),
            Map.entry("R5", "供应商鑫泰科技负责服务器维护"));

    /**
     * A labelled query.
     *
     * @param text the query
     * @param answer the key of the fact it asks for
     * @param kind kw, para, nokw, entity, dup, code, num or rare
     */
    record Query(String text, String answer, String kind) {
    }

    /** The number of queries in the original set (the first ones of {@link #QUERIES}). */
    static final int ORIGINAL_QUERIES = 52;

    /** Whether a fact belongs to the original set (keys E1–E27, Z1–Z17). */
    static boolean original(String key) {
        return key.startsWith("E") || key.startsWith("Z");
    }

    static final List<Query> QUERIES = List.of(
            new Query("black coffee", "E1", "kw"),
            new Query("What beverage does she have at breakfast?", "E1", "nokw"),
            new Query("which port does the gateway use", "E2", "kw"),
            new Query("How do I reach the server on the network?", "E2", "nokw"),
            new Query("when do backups run", "E3", "kw"),
            new Query("What time is the Postgres snapshot taken?", "E3", "para"),
            new Query("favourite editor", "E4", "kw"),
            new Query("What code editing tool is preferred?", "E4", "nokw"),
            new Query("Who manages the mobile app?", "E5", "para"),
            new Query("who is the PM for the phone application", "E5", "nokw"),
            new Query("staging password rotation", "E6", "kw"),
            new Query("How often do credentials for the test DB change?", "E6", "nokw"),
            new Query("food allergy", "E7", "nokw"),
            new Query("Can the user eat peanut butter?", "E7", "kw"),
            new Query("Where is the company retreat this year?", "E8", "para"),
            new Query("team trip to Portugal", "E8", "nokw"),
            new Query("how should responses be formatted", "E9", "nokw"),
            new Query("code freeze at year end", "E10", "nokw"),
            new Query("What musical instrument does the child play?", "E11", "para"),
            new Query("how many requests per minute are allowed", "E12", "kw"),
            new Query("OpenClaw 配置", "Z2", "kw"),
            new Query("设置文件在哪里", "Z2", "para"),
            new Query("配置保存在什么路径", "Z2", "para"),
            new Query("用户喜欢什么样的回答", "Z1", "para"),
            new Query("回答要短一点", "Z1", "nokw"),
            new Query("宠物叫什么名字", "Z3", "nokw"),
            new Query("周会是什么时候", "Z4", "kw"),
            new Query("用户的住址", "Z5", "para"),
            new Query("硬盘满了怎么办", "Z6", "nokw"),
            new Query("用户不能吃虾和螃蟹", "Z7", "para"),
            new Query("项目什么时候结束", "Z8", "para"),
            new Query("用户常用的编程语言", "Z9", "para"),
            new Query("Where does the user live?", "Z5", "nokw"),
            new Query("年会在哪个城市", "Z10", "kw"),
            new Query("OC-4412", "E16", "entity"),
            new Query("what is ticket OC-4411 about", "E15", "entity"),
            new Query("atlas-9", "E18", "entity"),
            new Query("which city is atlas-7 in", "E17", "entity"),
            new Query("Paris wifi", "E20", "entity"),
            new Query("kestrel42", "E19", "entity"),
            new Query("李娜做什么工作", "Z14", "entity"),
            new Query("张伟的职责", "Z13", "entity"),
            new Query("INV-2297 status", "E22", "entity"),
            new Query("was invoice 2291 paid", "E21", "entity"),
            new Query("where is the wireguard config", "E23", "entity"),
            new Query("nginx config path", "E24", "entity"),
            new Query("LH 729 departure time", "E26", "entity"),
            new Query("flight to Shanghai", "E25", "kw"),
            new Query("王强的电话", "Z16", "entity"),
            new Query("王芳的联系方式", "Z15", "entity"),
            new Query("Did anything happen to her bike?", "E27", "nokw"),
            new Query("用户几点休息", "Z17", "nokw"),
            new Query("build 8817", "D2", "dup"),
            new Query("did build 8812 work", "D1", "dup"),
            new Query("what happened to order 55128", "D4", "dup"),
            new Query("db-replica-03 status", "D5", "dup"),
            new Query("MAX_POOL_SIZE", "C1", "code"),
            new Query("where is backoffFor defined", "C2", "code"),
            new Query("make migrate-up", "C3", "code"),
            new Query("enable_new_checkout rollout", "C4", "code"),
            new Query("gateway.log location", "C5", "code"),
            new Query("what changed in 2.14.3", "N1", "num"),
            new Query("2.15.0 release notes", "N2", "num"),
            new Query("what is on 2026-04-02", "N4", "num"),
            new Query("appointment on March 17", "N3", "num"),
            new Query("4821", "N5", "num"),
            new Query("Okonkwo", "R1", "rare"),
            new Query("what does Thibault do", "R2", "rare"),
            new Query("what is Zephyrine", "R3", "rare"),
            new Query("欧阳娜娜在哪里", "R4", "rare"),
            new Query("鑫泰科技", "R5", "rare"));
}
