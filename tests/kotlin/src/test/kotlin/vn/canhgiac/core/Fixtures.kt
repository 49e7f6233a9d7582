package vn.canhgiac.core

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

/** What the tests share: one checker (as an app would hold one) and dev-signed bundles. */
object Fixtures {
    const val FAKE_BANK_SMS =
        "Vietcombank thông báo: tài khoản của Quý khách bị tạm khóa. Vui lòng xác thực tại " +
            "vietcombank-xacthuc.com để tránh gián đoạn."

    val checker: Checker by lazy { Checker() }

    private val catalogue: Path by lazy {
        Paths.get(System.getProperty("canhgiac.catalogue") ?: error("canhgiac.catalogue is not set (see pom.xml)"))
    }

    /** The repository's catalogue, signed with the development key by the canhgiac command. */
    val validBundle: ByteArray by lazy { build(catalogue) }

    /** The catalogue issued on 2001-01-01 and valid 30 days: expired by the phone's clock. */
    val expiredBundle: ByteArray by lazy { issuedAt("2001-01-01", validDays = 30) }

    /** Unix seconds of [expiredBundle]'s issue date and expiry. */
    const val ISSUED_2001 = 978_307_200L
    const val EXPIRES_2001 = 980_899_200L

    /** The labelled messages of assets/fixtures (scam, ham, holdout), with their senders. */
    val fixtureMessages: List<MessageToScan> by lazy {
        listOf("scam.tsv", "ham.tsv", "holdout.tsv").flatMap { name ->
            val lines = Files.readAllLines(catalogue.resolve("../fixtures/$name").normalize())
            val header = lines.first().split('\t')
            val sender = header.indexOf("sender")
            val text = header.indexOf("text")
            lines.drop(1).filter { it.isNotBlank() }.map { line ->
                val cells = line.split('\t')
                MessageToScan(sender = cells[sender].ifEmpty { null }, text = cells[text])
            }
        }
    }

    /** A copy of the catalogue sources with another issue date and validity, built. */
    private fun issuedAt(day: String, validDays: Int): ByteArray {
        val dir = Files.createTempDirectory("canhgiac-kt-src-")
        try {
            catalogue.toFile().copyRecursively(dir.toFile())
            val manifest = dir.resolve("catalogue.toml")
            val text = Files.readString(manifest)
            val edited = text
                .replaceFirst(Regex("(?m)^issued_at = \".*\"$"), "issued_at = \"$day\"")
                .replaceFirst(Regex("(?m)^valid_days = \\d+$"), "valid_days = $validDays")
            check(edited.contains("issued_at = \"$day\"") && edited.contains("valid_days = $validDays")) {
                "catalogue.toml [meta] layout changed; update Fixtures.kt"
            }
            Files.writeString(manifest, edited)
            return build(dir)
        } finally {
            dir.toFile().deleteRecursively()
        }
    }

    private fun build(sources: Path): ByteArray {
        val cli = System.getProperty("canhgiac.cli") ?: error("canhgiac.cli is not set (see pom.xml)")
        val dir: Path = Files.createTempDirectory("canhgiac-kt-")
        val out = dir.resolve("bundle")
        val process = ProcessBuilder(cli, "catalogue", "build", "--dev", "--sources", sources.toString(), "--out", out.toString())
            .redirectErrorStream(true)
            .start()
        val log = process.inputStream.bufferedReader().readText()
        check(process.waitFor() == 0) { "canhgiac catalogue build failed: $log" }
        return Files.readAllBytes(out).also { dir.toFile().deleteRecursively() }
    }

    fun exists(path: String): Boolean = Files.exists(Paths.get(path))
}
