package vn.canhgiac.core

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/** What the tests share: one checker (as an app would hold one) and a dev-signed bundle. */
object Fixtures {
    const val FAKE_BANK_SMS =
        "Vietcombank thông báo: tài khoản của Quý khách bị tạm khóa. Vui lòng xác thực tại " +
            "vietcombank-xacthuc.com để tránh gián đoạn."

    val checker: Checker by lazy { Checker() }

    /** The repository's catalogue, signed with the development key by the canhgiac command. */
    val validBundle: ByteArray by lazy {
        val cli = System.getProperty("canhgiac.cli") ?: error("canhgiac.cli is not set (see pom.xml)")
        val sources = System.getProperty("canhgiac.catalogue") ?: error("canhgiac.catalogue is not set")
        val dir: Path = Files.createTempDirectory("canhgiac-kt-")
        val out = dir.resolve("valid.bundle")
        val process = ProcessBuilder(cli, "catalogue", "build", "--dev", "--sources", sources, "--out", out.toString())
            .redirectErrorStream(true)
            .start()
        val log = process.inputStream.bufferedReader().readText()
        check(process.waitFor() == 0) { "canhgiac catalogue build failed: $log" }
        Files.readAllBytes(out).also { dir.toFile().deleteRecursively() }
    }

    fun exists(path: String): Boolean = Files.exists(Paths.get(path))
}
