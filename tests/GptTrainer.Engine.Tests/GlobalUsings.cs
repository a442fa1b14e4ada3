// What ImplicitUsings gives .NET 10 but not .NET Framework, for both.
global using System.Net.Http;
