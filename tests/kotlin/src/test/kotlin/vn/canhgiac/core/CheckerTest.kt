package vn.canhgiac.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import vn.canhgiac.core.Fixtures.FAKE_BANK_SMS
import vn.canhgiac.core.Fixtures.checker

/** The checks and the catalogue calls, as an Android developer would use them. */
class CheckerTest {
    @Test
    fun `fake bank SMS with a look-alike link is a scam`() {
        Checker().use { fresh ->
            assertEquals(VerdictLevel.SCAM, fresh.checkSms(null, FAKE_BANK_SMS).level)
        }
    }

    @Test
    fun `a scam verdict is explained in both languages`() {
        val verdict = checker.checkSms(null, FAKE_BANK_SMS)
        assertTrue(verdict.score > 0f && verdict.score <= 1f)
        assertTrue(verdict.reasons.isNotEmpty())
        verdict.reasons.forEach { assertTrue(it.code.isNotEmpty() && it.messageVi.isNotEmpty() && it.messageEn.isNotEmpty()) }
        assertNotNull(verdict.category)
        assertTrue(verdict.adviceVi.isNotEmpty() && verdict.adviceEn.isNotEmpty())
    }

    @Test
    fun `spans count code points, not UTF-16 units`() {
        val text = "🏦 " + FAKE_BANK_SMS // the emoji is 2 UTF-16 units but 1 code point
        val spans = checker.checkSms(null, text).reasons.mapNotNull { it.span }
        assertTrue(spans.isNotEmpty())
        for (span in spans) {
            val from = text.offsetByCodePoints(0, span.start.toInt())
            val to = text.offsetByCodePoints(0, span.end.toInt())
            assertEquals(span.matched, text.substring(from, to))
        }
    }

    @Test
    fun `an ordinary message is safe`() {
        val verdict = checker.checkSms("0912345678", "Tối nay mấy giờ con về ăn cơm?")
        assertEquals(VerdictLevel.SAFE, verdict.level)
        assertNull(verdict.category)
    }

    @Test
    fun `number facts`() {
        val facts = checker.checkNumber("0912 345 678").number!!
        assertEquals("+84912345678", facts.normalised)
        assertEquals(NumberKind.MOBILE, facts.kind)
        assertEquals(84.toUShort(), facts.countryCode)
        assertEquals(NumberKind.OFFICIAL, checker.checkNumber("113").number!!.kind)
    }

    @Test
    fun `foreign numbers carry their calling code`() {
        val facts = checker.checkNumber("+44 20 7946 0958").number!!
        assertEquals(NumberKind.INTERNATIONAL, facts.kind)
        assertEquals(44.toUShort(), facts.countryCode)
    }

    @Test
    fun `links`() {
        assertEquals(VerdictLevel.SAFE, checker.checkLink("https://vietcombank.com.vn").level)
        assertNotEquals(VerdictLevel.SAFE, checker.checkLink("vietcombank-xacthuc.com").level)
    }

    @Test
    fun `catalogue info and categories`() {
        val info = checker.catalogueInfo()
        assertTrue(info.version >= 1uL)
        assertTrue(info.expiresAt > info.issuedAt)
        assertTrue(info.development)
        val categories = checker.categories()
        assertEquals(info.categories.toInt(), categories.size)
        categories.forEach { assertTrue(it.quiz.answer.toInt() in it.quiz.choicesVi.indices) }
    }

    @Test
    fun `records are data classes and enums are Kotlin enums`() {
        val a = checker.checkSms(null, FAKE_BANK_SMS)
        val b = checker.checkSms(null, FAKE_BANK_SMS)
        assertEquals(a, b)
        assertEquals(a.hashCode(), b.hashCode())
        val relabelled = a.copy(level = VerdictLevel.SAFE)
        assertNotEquals(a, relabelled)
        assertEquals(a.reasons, relabelled.reasons)
        val (level, score) = a // data classes destructure
        assertEquals(a.level, level)
        assertEquals(a.score, score)
        assertEquals(listOf("SCAM", "SUSPICIOUS", "SAFE"), VerdictLevel.entries.map { it.name })
        assertEquals(VerdictLevel.SCAM, VerdictLevel.valueOf("SCAM"))
    }

    @Test
    fun `a bundle signed with the development key loads`() {
        Checker.fromBundle(Fixtures.validBundle, null).use { loaded ->
            assertEquals(checker.catalogueInfo().version, loaded.catalogueInfo().version)
            assertEquals(VerdictLevel.SCAM, loaded.checkSms(null, FAKE_BANK_SMS).level)
        }
    }
}
