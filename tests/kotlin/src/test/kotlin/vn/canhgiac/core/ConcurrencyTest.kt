package vn.canhgiac.core

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test
import vn.canhgiac.core.Fixtures.FAKE_BANK_SMS
import vn.canhgiac.core.Fixtures.checker
import kotlin.random.Random

/** One checker shared by many coroutines on a thread pool, as an app's SMS receiver would. */
class ConcurrencyTest {
    private val texts: List<String> = run {
        val random = Random(20261128)
        List(200) { i ->
            when (i % 4) {
                0 -> FAKE_BANK_SMS
                1 -> "Mã OTP của bạn là ${random.nextInt(100000, 999999)}. Không chia sẻ cho bất kỳ ai."
                2 -> String(CharArray(random.nextInt(0, 300)) { Char(random.nextInt(0x20, 0x1EF9)) })
                else -> "Công an quận yêu cầu ông bà chuyển tiền vào tài khoản tạm giữ số ${random.nextLong(1_000_000_000L)}"
            }
        }
    }

    @Test
    fun `coroutines on Dispatchers Default get the same verdicts as one thread`() = runBlocking {
        val expected = texts.map { checker.checkSms(null, it) }
        val results = (0 until 16).map { worker ->
            async(Dispatchers.Default) {
                texts.indices.map { i -> (i + worker) % texts.size }.map { i -> i to checker.checkSms(null, texts[i]) }
            }
        }.awaitAll()
        results.flatten().forEach { (i, verdict) -> assertEquals(expected[i], verdict) }
    }

    @Test
    fun `checkers built on IO threads and closed concurrently`() = runBlocking {
        val levels = (0 until 6).map { i ->
            async(Dispatchers.IO) {
                val built = if (i % 2 == 0) Checker() else Checker.fromBundle(Fixtures.validBundle, null)
                built.use { withContext(Dispatchers.Default) { it.checkSms(null, FAKE_BANK_SMS).level } }
            }
        }.awaitAll()
        assertEquals(setOf(VerdictLevel.SCAM), levels.toSet())
    }
}
