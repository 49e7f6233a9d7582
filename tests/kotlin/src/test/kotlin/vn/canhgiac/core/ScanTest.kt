package vn.canhgiac.core

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import vn.canhgiac.core.Fixtures.checker
import vn.canhgiac.core.Fixtures.fixtureMessages
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** `Checker.scanMessages`: a scan on the library's thread, followed by a [ScanListener], stopped by its handle. */
class ScanTest {
    /** Records what the scan reports; [pauseAtFirstProgress] holds the scan there until [go]. */
    private open class Recorder(private val pauseAtFirstProgress: Boolean = false) : ScanListener {
        val flagged = mutableListOf<Pair<ULong, Verdict>>()
        val progress = mutableListOf<ULong>()
        val threads = mutableSetOf<Long>()
        @Volatile var end: ScanEnd? = null
        private val ended = CountDownLatch(1)
        val paused = CountDownLatch(1)
        val go = CountDownLatch(1)

        override fun onFlagged(index: ULong, verdict: Verdict) {
            threads += Thread.currentThread().id
            flagged += index to verdict
        }

        override fun onProgress(scanned: ULong, total: ULong) {
            progress += scanned
            if (pauseAtFirstProgress && paused.count > 0) {
                paused.countDown()
                check(go.await(60, TimeUnit.SECONDS))
            }
        }

        override fun onEnd(end: ScanEnd) {
            this.end = end
            ended.countDown()
        }

        fun await(): ScanEnd {
            check(ended.await(60, TimeUnit.SECONDS)) { "the scan never ended" }
            return end!!
        }
    }

    @Test
    fun `a scan reports what checkSms says one by one`() {
        val messages = fixtureMessages
        val expected = messages.withIndex()
            .map { (i, m) -> i.toULong() to checker.checkSms(m.sender, m.text) }
            .filter { it.second.level != VerdictLevel.SAFE }
        val listener = Recorder()
        checker.scanMessages(messages, listener).use {
            assertEquals(ScanEnd.Finished(messages.size.toULong(), expected.size.toULong()), listener.await())
        }
        assertEquals(expected, listener.flagged)
        assertEquals((100..messages.size step 100).map { it.toULong() }, listener.progress)
        assertTrue(Thread.currentThread().id !in listener.threads)
    }

    @Test
    fun `cancel stops the scan before its next message`() {
        val listener = Recorder(pauseAtFirstProgress = true)
        checker.scanMessages(fixtureMessages, listener).use { handle ->
            assertTrue(listener.paused.await(60, TimeUnit.SECONDS))
            handle.cancel()
            listener.go.countDown()
            assertEquals(ScanEnd.Cancelled(100uL, listener.flagged.size.toULong()), listener.await())
        }
        assertEquals(listOf(100uL), listener.progress)
    }

    @Test
    fun `closing the handle cancels the scan`() {
        val listener = Recorder(pauseAtFirstProgress = true)
        val handle = checker.scanMessages(fixtureMessages, listener)
        assertTrue(listener.paused.await(60, TimeUnit.SECONDS))
        handle.close()
        listener.go.countDown()
        assertTrue(listener.await() is ScanEnd.Cancelled)
    }

    @Test
    fun `a listener that throws stops the scan, not the library`() {
        val listener = object : Recorder() {
            override fun onFlagged(index: ULong, verdict: Verdict) {
                super.onFlagged(index, verdict)
                throw IllegalStateException("the screen is gone")
            }
        }
        checker.scanMessages(fixtureMessages, listener).use {
            val first = listener.await().let { end ->
                val failed = end as ScanEnd.ListenerFailed
                assertEquals(1uL, failed.flagged)
                failed.scanned - 1uL
            }
            assertEquals(listOf(first), listener.flagged.map { it.first })
        }
        val verdict = checker.checkSms(null, Fixtures.FAKE_BANK_SMS)
        assertNotEquals(VerdictLevel.SAFE, verdict.level)
    }

    @Test
    fun `a listener that throws from every method changes nothing for the library`() {
        val ended = CountDownLatch(1)
        val broken = object : ScanListener {
            override fun onFlagged(index: ULong, verdict: Verdict): Unit = throw RuntimeException("flagged")
            override fun onProgress(scanned: ULong, total: ULong): Unit = throw RuntimeException("progress")
            override fun onEnd(end: ScanEnd) {
                ended.countDown()
                throw RuntimeException("end")
            }
        }
        checker.scanMessages(fixtureMessages, broken).use {
            assertTrue(ended.await(60, TimeUnit.SECONDS))
        }
        assertEquals(VerdictLevel.SCAM, checker.checkSms(null, Fixtures.FAKE_BANK_SMS).level)
    }
}
