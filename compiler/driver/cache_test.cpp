// The artifact store on its own: round trip, integrity, LRU pruning, sizes,
// and the SHA-256 wrapper against known digests.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/driver/cache.h"
#include "compiler/driver/sha256.h"

namespace fs = std::filesystem;

namespace pyxc::driver {
namespace {

struct Dir {
  fs::path path = fs::temp_directory_path() / ("pyxc_cache_test_" + std::to_string(::getpid()) + "_" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Dir() { fs::create_directories(path); }
  ~Dir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

const std::string kKeyA(64, 'a');
const std::string kKeyB(64, 'b');

TEST(Sha256, KnownDigests) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Fields are length-prefixed: a different split is a different hash.
  EXPECT_NE(Sha256().field("ab").field("c").hexDigest(), Sha256().field("a").field("bc").hexDigest());
}

TEST(ArtifactCache, StoreThenFetchGivesTheSameBytes) {
  Dir d;
  ArtifactCache cache((d.path / "c").string(), 1 << 20);
  put(d.path / "in.so", std::string("\x7f" "ELF payload\0with nul", 20));
  std::string error;
  EXPECT_EQ(cache.fetch(kKeyA, (d.path / "out.so").string(), error), CacheLookup::Miss);
  ASSERT_TRUE(cache.store(kKeyA, (d.path / "in.so").string(), error)) << error;
  EXPECT_EQ(cache.fetch(kKeyA, (d.path / "out.so").string(), error), CacheLookup::Hit);
  EXPECT_EQ(slurp(d.path / "out.so"), slurp(d.path / "in.so"));
  EXPECT_EQ(cache.stats().entries, 1u);
}

TEST(ArtifactCache, CorruptEntriesAreDeletedNotReturned) {
  Dir d;
  ArtifactCache cache((d.path / "c").string(), 1 << 20);
  put(d.path / "in.so", "payload bytes");
  std::string error;
  ASSERT_TRUE(cache.store(kKeyA, (d.path / "in.so").string(), error));
  fs::path entry = d.path / "c" / "v1" / "aa" / kKeyA;
  std::string good = slurp(entry);
  for (std::string bad : {good.substr(0, good.size() - 1), good.substr(0, good.size() - 2) + "X" + good.back(),
                          std::string("garbage"), std::string()}) {
    put(entry, bad);
    EXPECT_EQ(cache.fetch(kKeyA, (d.path / "out.so").string(), error), CacheLookup::Corrupt) << bad;
    EXPECT_FALSE(fs::exists(entry));
    EXPECT_FALSE(fs::exists(d.path / "out.so"));
  }
}

TEST(ArtifactCache, PruneRemovesLeastRecentlyUsedFirst) {
  Dir d;
  ArtifactCache cache((d.path / "c").string(), 1 << 20);
  put(d.path / "in.so", std::string(1000, 'x'));
  std::string error;
  ASSERT_TRUE(cache.store(kKeyA, (d.path / "in.so").string(), error));
  ASSERT_TRUE(cache.store(kKeyB, (d.path / "in.so").string(), error));
  auto old = fs::file_time_type::clock::now() - std::chrono::hours(2);
  fs::last_write_time(d.path / "c" / "v1" / "aa" / kKeyA, old);
  fs::last_write_time(d.path / "c" / "v1" / "bb" / kKeyB, old - std::chrono::hours(1));
  // A hit makes B the most recently used.
  ASSERT_EQ(cache.fetch(kKeyB, (d.path / "out.so").string(), error), CacheLookup::Hit);
  EXPECT_GT(cache.prune(1500), 0u);
  EXPECT_EQ(cache.fetch(kKeyA, (d.path / "out.so").string(), error), CacheLookup::Miss);
  EXPECT_EQ(cache.fetch(kKeyB, (d.path / "out.so").string(), error), CacheLookup::Hit);
  EXPECT_EQ(cache.clean(), 1u);
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(ArtifactCache, CountersAddUp) {
  Dir d;
  ArtifactCache cache((d.path / "c").string(), 1 << 20);
  cache.addCounts(2, 1, 0);
  cache.addCounts(3, 4, 1);
  CacheStats s = cache.stats();
  EXPECT_EQ(s.hits, 5u);
  EXPECT_EQ(s.misses, 5u);
  EXPECT_EQ(s.corrupt, 1u);
}

TEST(ParseSize, UnitsAndErrors) {
  uint64_t bytes = 0;
  EXPECT_TRUE(parseSize("123", bytes) && bytes == 123);
  EXPECT_TRUE(parseSize("10K", bytes) && bytes == 10240);
  EXPECT_TRUE(parseSize("500M", bytes) && bytes == 500ull << 20);
  EXPECT_TRUE(parseSize("2G", bytes) && bytes == 2ull << 30);
  EXPECT_TRUE(parseSize("2GB", bytes) && bytes == 2ull << 30);
  for (const char* bad : {"", "G", "12X", "-1", "1.5G", "99999999999999999G", "999999999999999G"}) EXPECT_FALSE(parseSize(bad, bytes)) << bad;
  EXPECT_EQ(formatSize(512), "512 B");
  EXPECT_EQ(formatSize(3 << 20), "3.0 MiB");
}

}  // namespace
}  // namespace pyxc::driver
