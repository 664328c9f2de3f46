#include "results/outputs.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "results/output_errors.hpp"
#include "tests/writer_test_support.hpp"

namespace mpibench {
namespace {

namespace fs = std::filesystem;

class OutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt_name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  std::string dir_path() const { return dir_.string(); }
  static std::string read(const std::string& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }
  static Record row(std::int64_t bytes) {
    Record r;
    r.set("pattern", std::string("pingpong")).set("ranks", std::int64_t{2}).set("bytes", bytes);
    return r;
  }

 private:
  static std::string fmt_name() {
    return "mpibench-outputs-" + std::to_string(getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
  }
  fs::path dir_;
};

// A CSV and a Google Benchmark JSON file, as -o and --json ask for them; no table.
OutputRequest request(std::optional<std::string> csv, std::optional<std::string> json) {
  OutputRequest wanted{{}, false};
  if (csv) wanted.files.push_back({&file_formats()[0], *csv});
  if (json) wanted.files.push_back({&file_formats()[1], *json});
  return wanted;
}

const std::vector<Column> kColumns = testing::columns({"pattern", "ranks", "bytes"});

TEST_F(OutputsTest, AFileIsNamedOnlyOnceComplete) {
  Outputs outputs = Outputs::open(request(path("r.csv"), path("r.json")));
  EXPECT_EQ(files(), (std::vector<std::string>{"r.csv.partial", "r.json.partial"}));
  outputs.begin({{"schema_version", "2"}}, kColumns);
  outputs.row(row(8));
  EXPECT_EQ(files(), (std::vector<std::string>{"r.csv.partial", "r.json.partial"}));
  outputs.finish_complete();
  EXPECT_EQ(files(), (std::vector<std::string>{"r.csv", "r.json"}));
  EXPECT_TRUE(read(path("r.csv")).ends_with("pingpong,2,8\n# end: complete, 1 rows\n"));
  EXPECT_TRUE(read(path("r.json")).ends_with("}\n}\n"));
}

TEST_F(OutputsTest, AStoppedRunKeepsItsPartialFilesWithTheReasonAndTheOldFile) {
  std::ofstream(path("r.csv")) << "earlier results\n";
  Outputs outputs = Outputs::open(request(path("r.csv"), path("r.json")));
  outputs.begin({}, kColumns);
  outputs.row(row(8));
  outputs.finish_incomplete("validation failed");
  EXPECT_EQ(read(path("r.csv")), "earlier results\n");
  EXPECT_TRUE(read(path("r.csv.partial")).ends_with("pingpong,2,8\n# incomplete: validation failed\n"));
  EXPECT_NE(read(path("r.json.partial")).find("\"incomplete\": \"validation failed\""), std::string::npos);
}

TEST_F(OutputsTest, TheSameFileTwiceIsRefusedBeforeAnythingIsCreated) {
  std::ofstream(path("old.csv")) << "x\n";
  fs::create_hard_link(path("old.csv"), path("hard.json"));
  fs::create_symlink(path("old.csv"), path("soft.json"));
  const std::vector<std::pair<std::string, std::string>> pairs{
      {path("r.csv"), dir_path() + "/./r.csv"},
      {path("old.csv"), path("hard.json")},
      {path("old.csv"), path("soft.json")},
      {"-", "-"}};
  for (const auto& [csv, json] : pairs) {
    const auto before = files();
    EXPECT_THROW(Outputs::open(request(csv, json)), OutputRefused) << csv << " " << json;
    EXPECT_EQ(files(), before);
  }
}

TEST_F(OutputsTest, ARefusedJsonLeavesTheCsvAsItWas) {
  std::ofstream(path("r.csv")) << "keep me\n";
  EXPECT_THROW(Outputs::open(request(path("r.csv"), path("missing/r.json"))), OutputRefused);
  EXPECT_EQ(files(), (std::vector<std::string>{"r.csv"}));
  EXPECT_EQ(read(path("r.csv")), "keep me\n");
}

TEST_F(OutputsTest, ASecondRunOnTheSameOutputIsRefusedWhileTheFirstIsAlive) {
  Outputs first = Outputs::open(request(path("r.csv"), std::nullopt));
  first.begin({}, kColumns);
  first.row(row(8));
  try {
    Outputs::open(request(path("r.csv"), std::nullopt));
    FAIL() << "a second run was let in";
  } catch (const OutputRefused& e) {
    EXPECT_NE(std::string(e.what()).find("another mpibench run is writing it"), std::string::npos) << e.what();
  }
  first.finish_complete();
  EXPECT_TRUE(read(path("r.csv")).ends_with("pingpong,2,8\n# end: complete, 1 rows\n"));
}

TEST_F(OutputsTest, AStalePartialFileOfADeadRunIsTakenOver) {
  std::ofstream(path("r.csv.partial")) << "rows of a run that was killed\n";
  Outputs outputs = Outputs::open(request(path("r.csv"), std::nullopt));
  outputs.begin({}, kColumns);
  outputs.finish_complete();
  EXPECT_EQ(files(), (std::vector<std::string>{"r.csv"}));
  EXPECT_EQ(read(path("r.csv")).find("killed"), std::string::npos);
}

TEST_F(OutputsTest, NotAPlaceToWrite) {
  EXPECT_THROW(Outputs::open(request(dir_path(), std::nullopt)), OutputRefused);
  EXPECT_THROW(Outputs::open(request(std::string(), std::nullopt)), OutputRefused);
  ASSERT_EQ(mkfifo(path("fifo").c_str(), 0600), 0);
  try {
    Outputs::open(request(path("fifo"), std::nullopt));  // must not block
    FAIL() << "a FIFO without a reader was accepted";
  } catch (const OutputRefused& e) {
    EXPECT_NE(std::string(e.what()).find("no process is reading"), std::string::npos) << e.what();
  }
  try {
    Outputs::open(request(dir_path() + "/a\nb/r.csv", std::nullopt));
    FAIL();
  } catch (const OutputRefused& e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "a path's line break is escaped";
    EXPECT_NE(std::string(e.what()).find("a\\nb"), std::string::npos) << e.what();
  }
}

TEST_F(OutputsTest, AFullDeviceIsAWriteErrorNamingTheFile) {
  Outputs outputs = Outputs::open(request("/dev/full", std::nullopt));
  try {
    outputs.begin({{"schema_version", "2"}}, kColumns);
    FAIL() << "writing to /dev/full succeeded";
  } catch (const OutputFailed& e) {
    EXPECT_EQ(std::string(e.what()), "cannot write '/dev/full': No space left on device");
  }
}

TEST_F(OutputsTest, AnUndeclaredColumnInARowIsABug) {
  Outputs outputs = Outputs::open(request(path("r.csv"), std::nullopt));
  outputs.begin({}, kColumns);
  Record r = row(8);
  r.set("median_us", 1.0);  // declared in the schema, but not a column of this run
  EXPECT_THROW(outputs.row(r), std::logic_error);
  outputs.finish_incomplete("test");
}

TEST_F(OutputsTest, ASignalHandlerWritesThePreparedEnding) {
  Outputs outputs = Outputs::open(request(path("r.csv"), path("r.json")));
  outputs.set_async_reasons({"time limit of 1 s reached", "interrupted by SIGINT", "interrupted by SIGTERM",
                             "interrupted by SIGHUP"});
  outputs.begin({{"schema_version", "2"}}, kColumns);
  outputs.row(row(8));
  write_async_endings(AsyncStop::terminate);  // what the SIGTERM handler does
  EXPECT_TRUE(read(path("r.csv.partial")).ends_with("pingpong,2,8\n# incomplete: interrupted by SIGTERM\n"));
  EXPECT_TRUE(read(path("r.json.partial")).ends_with("\"incomplete\": \"interrupted by SIGTERM\"\n  }\n}\n"));
}

}  // namespace
}  // namespace mpibench
