package vn.canhgiac.core

import org.junit.jupiter.api.Tag
import org.junit.jupiter.api.Test
import vn.canhgiac.core.Fixtures.FAKE_BANK_SMS
import vn.canhgiac.core.Fixtures.checker

/**
 * Time of one `checkSms` through JNA, for the README's figures. Not a test: excluded by default
 * (pom.xml), run with `mvn -q -B test -Dgroups=bench -Dcanhgiac.excludedGroups=none`.
 */
@Tag("bench")
class CallCostBench {
    @Test
    fun `checkSms per-call cost`() {
        val inputs = listOf("scam" to FAKE_BANK_SMS, "short" to "Tối nay mấy giờ con về ăn cơm?")
        for ((name, text) in inputs) {
            repeat(5_000) { checker.checkSms(null, text) } // JIT warm-up
            val rounds = 20_000
            val best = (1..5).minOf {
                val start = System.nanoTime()
                repeat(rounds) { checker.checkSms(null, text) }
                (System.nanoTime() - start) / rounds
            }
            println("kotlin checkSms[$name]: ${"%.1f".format(best / 1000.0)} µs/call (best of 5 x $rounds)")
        }
    }
}
