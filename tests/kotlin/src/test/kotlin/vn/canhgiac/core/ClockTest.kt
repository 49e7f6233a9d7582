package vn.canhgiac.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import vn.canhgiac.core.Fixtures.EXPIRES_2001
import vn.canhgiac.core.Fixtures.ISSUED_2001
import vn.canhgiac.core.Fixtures.expiredBundle

/** `Checker.fromBundleAt`: the bundle's validity is checked at the time the app's [Clock] gives. */
class ClockTest {
    private class FixedClock(private val now: Long) : Clock {
        var asked = 0
        override fun nowUnix(): Long = now.also { asked++ }
    }

    @Test
    fun `a clock before expiry accepts a bundle the phone's clock refuses`() {
        assertThrows<CanhGiacException.Expired> { Checker.fromBundle(expiredBundle, null) }
        val clock = FixedClock(EXPIRES_2001 - 1)
        Checker.fromBundleAt(expiredBundle, null, clock).use { checker ->
            assertEquals(1, clock.asked)
            assertEquals(ISSUED_2001, checker.catalogueInfo().issuedAt)
            assertEquals(VerdictLevel.SCAM, checker.checkSms(null, Fixtures.FAKE_BANK_SMS).level)
        }
    }

    @Test
    fun `a clock after expiry refuses it as expired`() {
        val e = assertThrows<CanhGiacException.Expired> { Checker.fromBundleAt(expiredBundle, null, FixedClock(EXPIRES_2001 + 1)) }
        assertEquals(EXPIRES_2001, e.expiresAt)
    }

    @Test
    fun `a clock more than a day before the issue date refuses it as not yet valid`() {
        Checker.fromBundleAt(expiredBundle, null, FixedClock(ISSUED_2001 - 86_400)).close() // a day of slack
        val e = assertThrows<CanhGiacException.NotYetValid> { Checker.fromBundleAt(expiredBundle, null, FixedClock(ISSUED_2001 - 86_401)) }
        assertEquals(ISSUED_2001, e.issuedAt)
    }

    @Test
    fun `a clock that throws is an Internal error without its message`() {
        val throwing = object : Clock {
            override fun nowUnix(): Long = throw IllegalStateException("no time for 0912345678")
        }
        val e = assertThrows<CanhGiacException.Internal> { Checker.fromBundleAt(Fixtures.validBundle, null, throwing) }
        assertFalse(e.message!!.contains("0912345678"))
    }
}
