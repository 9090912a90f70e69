// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "missiond",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "missiond", targets: ["missiond"]),
        // Exposed so tools outside this package (and a dev harness) can link the extractor alone.
        .library(name: "MissionExtract", targets: ["MissionExtract"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // libzmq from Debian's libzmq3-dev; zmq.h is in /usr/include.
        .systemLibrary(name: "CZMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        // A small Swift wrapper: context, sockets, multipart frames, poll, errors.
        .target(name: "ZMQ", dependencies: ["CZMQ"]),
        // libcrypto's SHA-256 (Debian's libssl-dev): article and event ids hash every article
        // whole, and the CPU's SHA instructions make that 5x cheaper than portable code.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        // The extraction stages: pure functions over text, rules passed in as data.
        .target(name: "MissionExtract", dependencies: ["CCrypto"]),
        // Durable journal and event log: append-only checksummed records.
        .target(name: "MissionStore"),
        // Intake, Dispatch pipeline, publisher, replay, lifecycle.
        .target(name: "MissionDaemon", dependencies: [
            "ZMQ", "MissionExtract", "MissionStore",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Yams", package: "Yams"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        // `missiond bench`: corpus, a real daemon child, the storage figures. Not in the daemon's libraries.
        .target(name: "MissionBench", dependencies: ["MissionDaemon", "MissionExtract", "MissionStore", "ZMQ"]),
        .executableTarget(name: "missiond", dependencies: [
            "MissionDaemon", "MissionExtract", "MissionStore", "MissionBench", "ZMQ",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ZMQTests", dependencies: ["ZMQ"]),
        .testTarget(name: "MissionExtractTests", dependencies: ["MissionExtract"]),
        .testTarget(name: "MissionStoreTests", dependencies: ["MissionStore"]),
        .testTarget(name: "MissionDaemonTests", dependencies: ["MissionDaemon", "ZMQ", "missiond"]),
    ]
)
