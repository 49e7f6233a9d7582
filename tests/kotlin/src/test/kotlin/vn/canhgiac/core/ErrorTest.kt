package vn.canhgiac.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import vn.canhgiac.core.Fixtures.checker

/** Errors arrive as `CanhGiacException` subclasses that a `when` can tell apart. */
class ErrorTest {
    @Test
    fun `an invalid number throws InvalidNumber without echoing it`() {
        val e = assertThrows<CanhGiacException.InvalidNumber> { checker.checkNumber("abc") }
        assertTrue(e.reason.isNotEmpty())
        assertFalse(e.message!!.contains("abc"))
    }

    @Test
    fun `an invalid link throws InvalidLink`() {
        assertThrows<CanhGiacException.InvalidLink> { checker.checkLink("ftp://example.com/file") }
        assertThrows<CanhGiacException.InvalidLink> { checker.checkLink("") }
    }

    @Test
    fun `every error is a CanhGiacException and an Exception`() {
        val e: Exception = assertThrows<CanhGiacException> { checker.checkNumber("") }
        val described = when (e as CanhGiacException) {
            is CanhGiacException.InvalidNumber -> "number"
            is CanhGiacException.InvalidLink -> "link"
            is CanhGiacException.BadSignature,
            is CanhGiacException.Expired,
            is CanhGiacException.NotYetValid,
            is CanhGiacException.Rollback,
            is CanhGiacException.UnsupportedFormat,
            is CanhGiacException.Malformed -> "bundle"
            is CanhGiacException.Internal -> "bug"
        } // exhaustive: the sealed class lists every variant
        assertEquals("number", described)
    }

    @Test
    fun `garbage and truncated bundles are malformed`() {
        assertThrows<CanhGiacException.Malformed> { Checker.fromBundle(ByteArray(4096), null) }
        assertThrows<CanhGiacException.Malformed> { Checker.fromBundle(ByteArray(0), null) }
        assertThrows<CanhGiacException.Malformed> { Checker.fromBundle(Fixtures.validBundle.copyOf(40), null) }
    }

    @Test
    fun `a tampered bundle has a bad signature`() {
        val tampered = Fixtures.validBundle.copyOf()
        tampered[tampered.size / 2] = (tampered[tampered.size / 2].toInt() xor 1).toByte()
        assertThrows<CanhGiacException.BadSignature> { Checker.fromBundle(tampered, null) }
    }

    @Test
    fun `an older bundle is refused as a rollback, with both versions`() {
        val version = checker.catalogueInfo().version
        val e = assertThrows<CanhGiacException.Rollback> { Checker.fromBundle(Fixtures.validBundle, version + 1uL) }
        assertEquals(version + 1uL, e.installed)
        assertEquals(version, e.offered)
    }

    @Test
    fun `a format version changed after signing is tampering, not a request to update`() {
        // Only a newer format that a trusted key signed asks for an app update (tested in Rust).
        val bumped = Fixtures.validBundle.copyOf()
        bumped[4] = (bumped[4].toInt() xor 0x7f).toByte() // the format version follows the magic
        val e = assertThrows<CanhGiacException.BadSignature> { Checker.fromBundle(bumped, null) }
        assertTrue(e.reason.contains("damaged"))
    }
}
