namespace DurableClaims.Host.BrowserTests;
public class PlaceholderTests { [Fact] public void Build_Compiles_ShouldPass() => Assert.True(true); }
