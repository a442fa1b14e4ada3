// The namespaces nearly every file of the engine uses, imported once for all of them.
global using System;
global using System.Collections;
global using System.Collections.Generic;
global using System.Globalization;
global using System.IO;
global using System.Linq;
global using System.Net.Http;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using GptTrainer.Api;
global using GptTrainer.Http;
global using GptTrainer.Json;
global using GptTrainer.Models;
global using GptTrainer.Text;
