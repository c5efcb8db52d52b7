package ai.openclaw.memory.engine;

import java.util.List;
import java.util.Map;

/**
 * A held-out retrieval set, written in one sitting (2026-11-21) before any fusion was measured on it, to decide what
 * {@link LabelledSet} could not: which fusion of the keyword and vector parts the memory service should use.
 *
 * <p>It models one user's memory as OpenClaw keeps it: a few lasting facts ({@code MEMORY.md}) and a fortnight of
 * daily notes ({@code memory/2026-03-*.md}) — deployments, one-to-ones, incidents, supplier meetings — which repeat
 * the same shapes with different versions, dates, people and numbers. 36 facts (24 English, 12 Chinese), 42 queries,
 * one answer each, labelled {@code kw} (shares a salient word), {@code para} (shares only a common word),
 * {@code nokw} (no word in common after analysis; two are English queries for Chinese facts), {@code dup} (names one of
 * several near-identical records by its version, date or person) and {@code id} (an identifier, code symbol or
 * host name).
 *
 * <p>Decision rule, fixed before measuring: the service keeps {@code 0.7·max + 0.3·min} unless another variant of
 * {@link FusionVariants} has a higher MRR on this set; then the variant with the highest MRR here is adopted (ties go
 * to the current fusion), and all three sets are reported either way.
 */
final class HeldOutSet {
    private HeldOutSet() {
    }

    /** Fact key → text. */
    static final Map<String, String> DOCS = Map.ofEntries(
            Map.entry("H1", "2026-03-02: deployed gateway v3.1.0 to staging; smoke tests passed"),
            Map.entry("H2", "2026-03-04: deployed gateway v3.1.1 to staging; rolled back after webhook errors"),
            Map.entry("H3", "2026-03-06: deployed gateway v3.2.0 to production at 18:00"),
            Map.entry("H4", "2026-03-09: deployed gateway v3.2.1 to production, a hotfix for the cron scheduler"),
            Map.entry("H5", "2026-03-11: deployed gateway v3.3.0 to staging with the new memory index"),
            Map.entry("H6", "2026-03-13: deployed gateway v3.3.0 to production after a one day delay"),
            Map.entry("H7", "1:1 with Priya on 2026-03-03: she wants to move to the platform team in Q3"),
            Map.entry("H8", "1:1 with Marcus on 2026-03-05: he is worried about the on-call load"),
            Map.entry("H9", "1:1 with Priya on 2026-03-10: agreed she will lead the billing migration first"),
            Map.entry("H10", "1:1 with Marcus on 2026-03-12: on-call rotation reduced to every fourth week"),
            Map.entry("H11", "Incident INC-311: the payments webhook queue backed up for 40 minutes; root cause was an "
                    + "expired TLS certificate"),
            Map.entry("H12", "Incident INC-314: search latency spiked to 2 seconds; root cause was a missing index on "
                    + "sessions.updated_at"),
            Map.entry("H13", "Incident INC-317: cron jobs fired twice after a leader election bug"),
            Map.entry("H14", "Incident INC-320: the status page went down because its DNS record was deleted"),
            Map.entry("H15", "The user wants code review comments phrased as questions, not commands"),
            Map.entry("H16", "The user runs every Tuesday and Thursday before work"),
            Map.entry("H17", "The user's partner is called Sam and works as a nurse"),
            Map.entry("H18", "The user's laptop is a 14-inch ThinkPad running Fedora"),
            Map.entry("H19", "Standup moved from 9:30 to 10:00 starting in March"),
            Map.entry("H20", "The user's dentist appointment is on 2026-03-24 at 08:15"),
            Map.entry("H21", "The car needs its annual inspection before the end of April"),
            Map.entry("H22", "Budget for the observability project was approved at 40k EUR"),
            Map.entry("H23", "Environment variable OPENCLAW_STATE_DIR overrides the state directory"),
            Map.entry("H24", "The function retryWithJitter in backoff.go caps delays at 30 seconds"),
            Map.entry("HZ1", "2026-03-03：与供应商华辰物流开会，讨论仓库搬迁"),
            Map.entry("HZ2", "2026-03-10：与供应商华辰物流开会，确认合同续签"),
            Map.entry("HZ3", "2026-03-17：与供应商远航快递开会，谈价格调整"),
            Map.entry("HZ4", "用户周末喜欢去西湖边骑自行车"),
            Map.entry("HZ5", "用户的妈妈下个月过七十岁生日"),
            Map.entry("HZ6", "公司年终奖在一月底发放"),
            Map.entry("HZ7", "服务器 web-03 的磁盘使用率超过百分之九十"),
            Map.entry("HZ8", "服务器 web-05 的内存经常不足"),
            Map.entry("HZ9", "用户不喝含咖啡因的饮料，下午只喝花茶"),
            Map.entry("HZ10", "报销单必须在每月五号之前提交给财务"),
            Map.entry("HZ11", "小李负责测试环境的维护"),
            Map.entry("HZ12", "新同事陈晨下周一入职，坐在三楼"));

    /** The queries. */
    static final List<LabelledSet.Query> QUERIES = List.of(
            new LabelledSet.Query("when was v3.2.1 deployed", "H4", "dup"),
            new LabelledSet.Query("why was v3.1.1 rolled back", "H2", "dup"),
            new LabelledSet.Query("what was deployed on 2026-03-06", "H3", "dup"),
            new LabelledSet.Query("Which release brought the new memory index to staging?", "H5", "kw"),
            new LabelledSet.Query("what did Priya and I agree on 2026-03-10", "H9", "dup"),
            new LabelledSet.Query("What did Marcus say about on-call on March 5?", "H8", "dup"),
            new LabelledSet.Query("on-call every fourth week", "H10", "kw"),
            new LabelledSet.Query("which team does Priya want to join", "H7", "para"),
            new LabelledSet.Query("Priya billing migration", "H9", "kw"),
            new LabelledSet.Query("INC-317", "H13", "id"),
            new LabelledSet.Query("root cause of INC-311", "H11", "id"),
            new LabelledSet.Query("How long was the payments queue backed up?", "H11", "kw"),
            new LabelledSet.Query("expired certificate incident", "H11", "para"),
            new LabelledSet.Query("Why was search slow?", "H12", "kw"),
            new LabelledSet.Query("missing database index outage", "H12", "para"),
            new LabelledSet.Query("Why did scheduled tasks run two times?", "H13", "nokw"),
            new LabelledSet.Query("public status site outage cause", "H14", "para"),
            new LabelledSet.Query("how should feedback on pull requests be worded", "H15", "nokw"),
            new LabelledSet.Query("when does the user go jogging", "H16", "para"),
            new LabelledSet.Query("who is the user's significant other", "H17", "para"),
            new LabelledSet.Query("what kind of computer does the user have", "H18", "para"),
            new LabelledSet.Query("What time is the daily sync now?", "H19", "nokw"),
            new LabelledSet.Query("dentist", "H20", "kw"),
            new LabelledSet.Query("vehicle checkup deadline", "H21", "nokw"),
            new LabelledSet.Query("How much money did monitoring get?", "H22", "nokw"),
            new LabelledSet.Query("OPENCLAW_STATE_DIR", "H23", "id"),
            new LabelledSet.Query("retryWithJitter max delay", "H24", "id"),
            new LabelledSet.Query("how is the state directory changed", "H23", "para"),
            new LabelledSet.Query("华辰物流 合同", "HZ2", "dup"),
            new LabelledSet.Query("仓库搬迁是跟哪家公司谈的", "HZ1", "kw"),
            new LabelledSet.Query("远航快递", "HZ3", "id"),
            new LabelledSet.Query("用户周末做什么运动", "HZ4", "para"),
            new LabelledSet.Query("妈妈的生日", "HZ5", "kw"),
            new LabelledSet.Query("年终奖什么时候发", "HZ6", "kw"),
            new LabelledSet.Query("When is the year-end bonus paid?", "HZ6", "nokw"),
            new LabelledSet.Query("哪台服务器磁盘快满了", "HZ7", "para"),
            new LabelledSet.Query("web-05 有什么问题", "HZ8", "id"),
            new LabelledSet.Query("用户能喝咖啡吗", "HZ9", "para"),
            new LabelledSet.Query("报销截止日期", "HZ10", "para"),
            new LabelledSet.Query("谁维护测试环境", "HZ11", "kw"),
            new LabelledSet.Query("新员工什么时候来上班", "HZ12", "nokw"),
            new LabelledSet.Query("the new colleague's desk location", "HZ12", "nokw"));
}
